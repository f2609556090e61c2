import type { Expectations } from './types.ts';

/** Mystery calls (issue 13): assignments. */
export const mysteryAssignmentsExpectations: Expectations = {};
