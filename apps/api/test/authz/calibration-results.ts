import type { Expectations } from './types.ts';

/**
 * Calibration (issue 15), the results slice: every operation × every caller × own/foreign. "Own" = a session of
 * tenant a's program a (client a: the matrix auditor's client); "foreign" = tenant b's session (404 for everyone
 * of tenant a). Support: test/support/calibration-session.ts makes sessions with participants and scores.
 */
export const calibrationResultsExpectations: Expectations = {};
