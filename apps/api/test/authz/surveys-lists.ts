import type { Expectations } from './types.ts';

/** Callback surveys (issue 14): callback plans and their daily verifiable draws (H2). */
export const surveysListsExpectations: Expectations = {};
