import type { Expectations } from './types.ts';

/** Callback surveys (issue 14): survey templates, versioned, in Dutch and English (H1). */
export const surveysTemplatesExpectations: Expectations = {};
