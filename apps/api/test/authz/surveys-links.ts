import type { Expectations } from './types.ts';

/** Callback surveys (issue 14): single-use survey links, e-mail invitations and the public survey page (H4). */
export const surveysLinksExpectations: Expectations = {};
