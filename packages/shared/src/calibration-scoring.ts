import { z } from 'zod';
import { CalibrationStatus } from './calibration.ts';
import { CallFacts } from './contract.ts';
import { Answers, AnswerValue, ScorecardDefinition, ScoreResult } from './scorecard.ts';

/**
 * Blind scoring of a calibration session's calls (issue 15, docs/calibration-scoring.md): what the scoring screen
 * reads for one call, and what it saves. Only the participant's OWN score is ever in here: before the reveal
 * nobody reads another participant's answers, and after the reveal the results page (not this one) compares them.
 */

const Turn = z.object({ speaker: z.enum(['agent', 'customer']), start: z.number(), end: z.number(), text: z.string() });

/** The participant's own score of the call: a draft or submitted (re-submitting makes a new revision until the reveal). */
export const CalibrationMyScore = z
  .object({
    evaluationId: z.number().int(),
    status: z.enum(['draft', 'submitted']),
    revision: z.number().int().describe('Latest submitted revision; 0 while a draft'),
    version: z.number().int().describe('Concurrency token: send it back when saving (stale → 409)'),
    answers: z.record(z.string(), AnswerValue),
    score: ScoreResult
  })
  .meta({ id: 'CalibrationMyScore' });

/** Everything the scoring screen needs for one call of a session (the same call facts as the evaluation screen). */
export const CalibrationScoring = z
  .object({
    session: z.object({
      id: z.number().int(),
      title: z.string(),
      status: CalibrationStatus,
      deadline: z.string(),
      revealed: z.boolean().describe('After the reveal the screen is read-only and links to the results')
    }),
    contact: z.object({
      agent: z.object({ id: z.number().int(), name: z.string(), code: z.string() }).nullable(),
      team: z.object({ id: z.number().int(), name: z.string() }).nullable(),
      program: z.object({ id: z.number().int(), name: z.string(), client: z.string() })
    }),
    call: CallFacts,
    transcript: z.array(Turn),
    scorecard: z.object({ versionId: z.number().int(), name: z.string(), version: z.number().int(), definition: ScorecardDefinition }),
    mine: CalibrationMyScore.nullable().describe('Your own score of this call; null before your first save'),
    canScore: z.boolean().describe('You may still save or submit (a participant, before the reveal)'),
    position: z.number().int().describe("This call's place in the session, from 1"),
    total: z.number().int(),
    prevCallId: z.number().int().nullable(),
    nextCallId: z.number().int().nullable()
  })
  .meta({ id: 'CalibrationScoring' });
export type CalibrationScoring = z.infer<typeof CalibrationScoring>;

/** Save a draft (`submit: false`) or submit (every required item answered). `version`: the one you read (stale → 409). */
export const SaveCalibrationScoreBody = z
  .object({
    answers: Answers,
    submit: z.boolean().default(false),
    version: z.number().int().positive().optional()
  })
  .meta({ id: 'SaveCalibrationScore' });
export type SaveCalibrationScoreBody = z.input<typeof SaveCalibrationScoreBody>;
