import type { Expectations } from './types.ts';

/** Mystery calls (issue 13): scenarios. */
export const mysteryScenariosExpectations: Expectations = {};
