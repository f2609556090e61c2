import { z } from 'zod';

/**
 * Calibration (issue 15, docs/calibration.md): what the sessions, scoring and results slices share. Each slice
 * keeps its own request/response shapes next to these (calibration-sessions.ts, calibration-scoring.ts,
 * calibration-results.ts).
 */

/** A session covers a few calls: enough for agreement per item, few enough to discuss in one meeting. */
export const CALIBRATION_MAX_CALLS = 20;
export const CALIBRATION_MAX_PARTICIPANTS = 30;

/**
 * Where a session stands: `open` (scoring, before the deadline), `overdue` (deadline passed, not yet revealed:
 * the facilitator may reveal with what is there), `revealed` (everyone sees every answer; scores frozen).
 */
export const CALIBRATION_STATUSES = ['open', 'overdue', 'revealed'] as const;
export const CalibrationStatus = z.enum(CALIBRATION_STATUSES).meta({ id: 'CalibrationStatus' });
export type CalibrationStatus = z.infer<typeof CalibrationStatus>;

export function calibrationStatusOf(s: { deadline: Date | string; revealedAt: Date | string | null }, now: Date): CalibrationStatus {
  if (s.revealedAt != null) return 'revealed';
  return new Date(s.deadline).getTime() <= now.getTime() ? 'overdue' : 'open';
}

/** A participant's progress on one call: nothing saved, a draft, or submitted. */
export const CALIBRATION_SCORE_STATES = ['none', 'draft', 'submitted'] as const;
export const CalibrationScoreState = z.enum(CALIBRATION_SCORE_STATES).meta({ id: 'CalibrationScoreState' });
export type CalibrationScoreState = z.infer<typeof CalibrationScoreState>;

export const CalibrationConsensusBasis = z
  .enum(['consensus', 'expert'])
  .meta({ id: 'CalibrationConsensusBasis', description: "'consensus': the group agreed; 'expert': the facilitator (or an expert) ruled" });
export type CalibrationConsensusBasis = z.infer<typeof CalibrationConsensusBasis>;
