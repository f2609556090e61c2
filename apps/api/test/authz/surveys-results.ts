import type { Expectations } from './types.ts';

/** Callback surveys (issue 14): metrics, non-response, QA next to CSAT, low-score alerts (H5). */
export const surveysResultsExpectations: Expectations = {};
