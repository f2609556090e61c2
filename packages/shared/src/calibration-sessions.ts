import { z } from 'zod';
import { CALIBRATION_MAX_CALLS, CALIBRATION_MAX_PARTICIPANTS, CalibrationScoreState, CalibrationStatus } from './calibration.ts';

/**
 * Calibration sessions (issue 15, docs/calibration-sessions.md): making, listing, reading and revealing a
 * session. Before the reveal no shape here carries an answer or a score — only who has submitted how much.
 */

const Int = z.number().int();
const Id = Int.positive();

const LocalDay = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'must be a date YYYY-MM-DD')
  .meta({ description: "A day 'YYYY-MM-DD' in the contact center's time zone", example: '2027-03-15' });

export const CalibrationCallSelection = z
  .discriminatedUnion('mode', [
    z.object({
      mode: z.literal('chosen'),
      callIds: z
        .array(Id)
        .min(1, 'choose at least one call')
        .max(CALIBRATION_MAX_CALLS, `choose at most ${CALIBRATION_MAX_CALLS} calls`)
        .refine((ids) => new Set(ids).size === ids.length, 'a call is listed twice')
        .meta({ uniqueItems: true })
    }),
    z.object({
      mode: z.literal('drawn'),
      from: LocalDay,
      to: LocalDay,
      count: Int.min(1, 'draw at least 1 call').max(CALIBRATION_MAX_CALLS, `draw at most ${CALIBRATION_MAX_CALLS} calls`)
    })
  ])
  .meta({
    id: 'CalibrationCallSelection',
    description:
      "'chosen': these calls, in this order; 'drawn': `count` calls drawn at random (HMAC ranks with a fresh seed, kept) from the program's calls that started on the local days `from`…`to`"
  });

export const CreateCalibrationSessionInput = z
  .object({
    programId: Id,
    title: z.string().trim().min(1, 'give the session a title').max(120, 'a title has at most 120 characters'),
    deadline: z.iso
      .datetime({ offset: true, message: 'must be a date-time (ISO 8601)' })
      .meta({ description: 'When scoring should be done; must be in the future' }),
    participantIds: z
      .array(Id)
      .min(2, 'choose at least 2 participants')
      .max(CALIBRATION_MAX_PARTICIPANTS, `choose at most ${CALIBRATION_MAX_PARTICIPANTS} participants`)
      .refine((ids) => new Set(ids).size === ids.length, 'a participant is listed twice')
      .meta({ uniqueItems: true }),
    calls: CalibrationCallSelection
  })
  .meta({ id: 'CreateCalibrationSessionInput' });
export type CreateCalibrationSessionInput = z.infer<typeof CreateCalibrationSessionInput>;

export const ListCalibrationSessionsQuery = z.object({ status: CalibrationStatus.optional() });

export const CalibrationSessionSummary = z
  .object({
    id: Int,
    title: z.string(),
    programId: Int,
    programName: z.string(),
    clientName: z.string(),
    status: CalibrationStatus,
    deadline: z.string(),
    createdAt: z.string(),
    revealedAt: z.string().nullable(),
    facilitatorId: Int,
    facilitatorName: z.string(),
    selection: z.enum(['chosen', 'drawn']),
    calls: Int,
    participants: Int,
    /** Submitted scores of all participants × calls (never what they are before the reveal). */
    submitted: Int,
    expected: Int,
    /** The reader takes part; then `mySubmitted` of `calls` are its submitted scores. */
    isParticipant: z.boolean(),
    mySubmitted: Int,
    resultsSealed: z
      .boolean()
      .describe(
        "The reader's client has an unscored blind re-score item of one of the session's calls: the results stay closed to the reader until it has scored that call"
      )
  })
  .meta({ id: 'CalibrationSessionSummary' });
export type CalibrationSessionSummary = z.infer<typeof CalibrationSessionSummary>;

export const CalibrationSessionList = z.object({ items: z.array(CalibrationSessionSummary) }).meta({ id: 'CalibrationSessionList' });
export type CalibrationSessionList = z.infer<typeof CalibrationSessionList>;

export const CalibrationSessionCall = z
  .object({
    position: Int,
    callId: Int,
    startedAt: z.string(),
    agentName: z.string(),
    talkSeconds: Int,
    queueName: z.string().nullable(),
    hasRecording: z.boolean(),
    /** The reader's own score of this call (none for a non-participant). */
    myState: CalibrationScoreState
  })
  .meta({ id: 'CalibrationSessionCall' });

export const CalibrationSessionParticipant = z
  .object({
    personId: Int,
    name: z.string(),
    /** The participant's roles, e.g. ['team_lead'] or ['client_auditor']. */
    roles: z.array(z.string()),
    /** Calls submitted (of the session's calls): progress only, never answers or scores before the reveal. */
    submitted: Int
  })
  .meta({ id: 'CalibrationSessionParticipant' });

export const CalibrationRevealBlock = z
  .enum(['revealed', 'missing_scores', 'not_facilitator'])
  .meta({ id: 'CalibrationRevealBlock', description: 'Why the reader cannot reveal now (null: it can)' });

export const CalibrationSessionDetail = CalibrationSessionSummary.extend({
  scorecardVersionId: Int,
  scorecardName: z.string(),
  scorecardVersion: Int,
  drawFrom: z.string().nullable(),
  drawTo: z.string().nullable(),
  drawSeed: z.string().nullable(),
  callList: z.array(CalibrationSessionCall),
  participantList: z.array(CalibrationSessionParticipant),
  isFacilitator: z.boolean(),
  canScore: z.boolean(),
  /** Every score submitted or the deadline passed, and not yet revealed. */
  revealable: z.boolean(),
  canReveal: z.boolean(),
  revealBlock: CalibrationRevealBlock.nullable(),
  /** Scores still missing (participants × calls − submitted). */
  missing: Int
}).meta({ id: 'CalibrationSessionDetail' });
export type CalibrationSessionDetail = z.infer<typeof CalibrationSessionDetail>;

export const CalibrationRevealOutcome = z
  .object({ sessionId: Int, revealedAt: z.string(), submitted: Int, expected: Int })
  .meta({ id: 'CalibrationRevealOutcome' });

export const CalibrationSessionOptionsQuery = z.object({ programId: Id.optional() });

export const CalibrationSessionOptions = z
  .object({
    programs: z.array(z.object({ id: Int, name: z.string(), clientName: z.string() })),
    programId: Int.nullable(),
    timeZone: z.string(),
    /** People who may take part (for the chosen program: auditors only of its client), with their roles. */
    people: z.array(z.object({ id: Int, name: z.string(), roles: z.array(z.string()), client: z.boolean() })),
    /** The program's calls of the last 30 days, newest first (at most 200). */
    calls: z.array(
      z.object({
        id: Int,
        startedAt: z.string(),
        agentName: z.string(),
        talkSeconds: Int,
        hasRecording: z.boolean(),
        queueName: z.string().nullable()
      })
    )
  })
  .meta({ id: 'CalibrationSessionOptions' });
export type CalibrationSessionOptions = z.infer<typeof CalibrationSessionOptions>;
