import type { Expectations } from './types.ts';

/** Mystery calls (issue 13): plans. */
export const mysteryPlansExpectations: Expectations = {};
