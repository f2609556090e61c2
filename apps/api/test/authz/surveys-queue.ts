import type { Expectations } from './types.ts';

/** Callback surveys (issue 14): the survey caller's queue: claim, attempts, answers (H3). */
export const surveysQueueExpectations: Expectations = {};
