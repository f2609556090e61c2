import { z } from 'zod';
import { Answers, ScorecardDefinition } from './scorecard.ts';

/**
 * Mystery calls (docs/mystery-calls.md): a shopper's assignments, what the shopper records about a call
 * (its report and the scorecard answers) and matching the call to an agent. The API and core share these.
 */

export const MYSTERY_OUTCOMES = ['answered', 'never_answered', 'gave_up'] as const;
export const MysteryOutcome = z
  .enum(MYSTERY_OUTCOMES)
  .meta({ id: 'MysteryOutcome', description: 'A person answered, nobody ever did, or the shopper hung up waiting' });

/** Where an assignment stands for its shopper: open ones by their window, then the done ones. */
export const ASSIGNMENT_DUES = ['overdue', 'today', 'upcoming', 'done', 'cancelled'] as const;
export const AssignmentDue = z.enum(ASSIGNMENT_DUES).meta({ id: 'MysteryAssignmentDue' });

const Instant = z.iso.datetime({ offset: true, message: 'expected a date and time (ISO 8601 with a zone)' });
const Count = z.number().int('expected a whole number');

/** The shopper's form: the report (timing, menu, outcome, the scenario's checks) and the scorecard answers. */
export const RecordMysteryCallInput = z
  .object({
    assignmentId: z.number().int().positive(),
    /** The scenario version the shopper read (a check: it must be the assignment's). */
    scenarioVersionId: z.number().int().positive().optional(),
    dialledAt: Instant,
    outcome: MysteryOutcome,
    answeredAt: Instant.nullable().default(null),
    gaveUpAfterSeconds: Count.nullable().default(null),
    menuSteps: Count.default(0),
    menuChoices: z.array(z.string()).max(20).default([]),
    holdSeconds: Count.default(0),
    transfers: Count.default(0),
    resolved: z.boolean().nullable().default(null),
    agentNameGiven: z.string().trim().nullable().default(null),
    rightAnswerGiven: z.boolean().nullable().default(null),
    opportunityTaken: z.boolean().nullable().default(null),
    notes: z.string().default(''),
    /** The scorecard's answers (item id → answer); required items must be answered when a person answered, none otherwise. */
    answers: Answers.default({})
  })
  .meta({ id: 'RecordMysteryCall' });
export type RecordMysteryCallInput = z.input<typeof RecordMysteryCallInput>;

export const MysteryAssignment = z
  .object({
    id: z.number().int(),
    planId: z.number().int(),
    programId: z.number().int(),
    programName: z.string(),
    scenarioVersionId: z.number().int(),
    scenarioTitle: z.string(),
    difficulty: z.enum(['easy', 'medium', 'hard']),
    shopperId: z.number().int(),
    shopperName: z.string(),
    windowStart: z.string(),
    windowEnd: z.string(),
    status: z.enum(['planned', 'completed', 'cancelled']),
    due: AssignmentDue,
    mysteryCallId: z.number().int().nullable()
  })
  .meta({ id: 'MysteryAssignment' });
export type MysteryAssignment = z.infer<typeof MysteryAssignment>;

export const MysteryScenarioCard = z
  .object({
    versionId: z.number().int(),
    version: z.number().int(),
    title: z.string(),
    story: z.string(),
    question: z.string(),
    rightAnswer: z.string(),
    orientedOpportunity: z.string(),
    difficulty: z.enum(['easy', 'medium', 'hard'])
  })
  .meta({ id: 'MysteryScenarioCard' });

export const MysteryCallRecord = z
  .object({
    id: z.number().int(),
    assignmentId: z.number().int(),
    programId: z.number().int(),
    programName: z.string(),
    scenarioVersionId: z.number().int(),
    scenarioTitle: z.string(),
    shopperId: z.number().int(),
    shopperName: z.string(),
    dialledAt: z.string(),
    outcome: MysteryOutcome,
    answeredAt: z.string().nullable(),
    gaveUpAfterSeconds: z.number().int().nullable(),
    menuSteps: z.number().int(),
    menuChoices: z.array(z.string()),
    holdSeconds: z.number().int(),
    transfers: z.number().int(),
    resolved: z.boolean().nullable(),
    agentNameGiven: z.string().nullable(),
    rightAnswerGiven: z.boolean().nullable(),
    opportunityTaken: z.boolean().nullable(),
    notes: z.string(),
    evaluationId: z.number().int().nullable(),
    /** The agent the evaluation counts for; null until matched (or when nobody answered). */
    agentId: z.number().int().nullable(),
    agentName: z.string().nullable(),
    matchedCallId: z.number().int().nullable(),
    matchedAt: z.string().nullable(),
    matchedBy: z.string().nullable(),
    createdAt: z.string()
  })
  .meta({ id: 'MysteryCallRecord' });
export type MysteryCallRecord = z.infer<typeof MysteryCallRecord>;

/** The scorecard part of a mystery call: its answers, and the score for those who may read agents' scores. */
export const MysteryCallScores = z
  .object({
    evaluationId: z.number().int(),
    scorecardVersionId: z.number().int(),
    answers: z.record(z.string(), z.union([z.string(), z.number()])),
    /** Null for the shopper: it records, it does not read agents' scores. */
    overallScore: z.number().nullable(),
    failed: z.boolean().nullable()
  })
  .meta({ id: 'MysteryCallScores' });

export const MysteryScorecard = z
  .object({ versionId: z.number().int(), version: z.number().int(), name: z.string(), definition: ScorecardDefinition })
  .meta({ id: 'MysteryScorecard' });

export const MysteryAssignmentDetail = z
  .object({
    assignment: MysteryAssignment,
    scenario: MysteryScenarioCard,
    /** The scorecard version to fill: the scenario's scorecard's latest published version (null: none published). */
    scorecard: MysteryScorecard.nullable(),
    call: MysteryCallRecord.nullable(),
    scores: MysteryCallScores.nullable(),
    canRecord: z.boolean()
  })
  .meta({ id: 'MysteryAssignmentDetail' });

export const MysteryCallDetail = z
  .object({
    call: MysteryCallRecord,
    scenario: MysteryScenarioCard,
    scorecard: MysteryScorecard.nullable(),
    scores: MysteryCallScores.nullable(),
    canMatch: z.boolean()
  })
  .meta({ id: 'MysteryCallDetail' });

export const MatchCandidate = z
  .object({
    callId: z.number().int(),
    startedAt: z.string(),
    answerSeconds: z.number().int(),
    agentId: z.number().int(),
    agentName: z.string(),
    /** Seconds between the call's answer and the shopper's answered-at. */
    distanceSeconds: z.number().int(),
    nameMatches: z.boolean()
  })
  .meta({ id: 'MysteryMatchCandidate' });

export const MatchAgentOption = z
  .object({ id: z.number().int(), code: z.string(), name: z.string(), nameMatches: z.boolean() })
  .meta({ id: 'MysteryMatchAgent' });

export const MatchMysteryCallInput = z
  .object({
    /** An imported call record of the program: its agent is matched, and the record kept. */
    callId: z.number().int().positive().optional(),
    /** Or an agent of the tenant, directly. */
    agentId: z.number().int().positive().optional()
  })
  .refine((v) => (v.callId == null) !== (v.agentId == null), { message: 'give either callId or agentId', path: ['callId'] })
  .meta({ id: 'MatchMysteryCall' });
