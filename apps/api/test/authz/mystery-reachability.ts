import type { Expectations } from './types.ts';

/** Mystery calls (issue 13): reachability. */
export const mysteryReachabilityExpectations: Expectations = {};
