import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { people, programs } from './org.ts';
import { scorecards } from './scorecards.ts';
import { evaluations } from './evaluations.ts';
import { calls } from './calls.ts';
import { createdAt, id, ms, ref, tenantId, updatedAt } from './columns.ts';

// Mystery calls (docs/mystery-calls.md): a shopper calls the contact center as a customer with a prepared
// scenario, at a planned time, and records reachability (dialled, answered, menu, hold, transfers) and the
// agent's handling on the program's mystery-call scorecard.

export const MYSTERY_DIFFICULTIES = ['easy', 'medium', 'hard'] as const;
export const MYSTERY_PLAN_SPREADS = ['volume', 'grid'] as const;
export const MYSTERY_PLAN_STATUSES = ['draft', 'published'] as const;
export const MYSTERY_ASSIGNMENT_STATUSES = ['planned', 'completed', 'cancelled'] as const;
export const MYSTERY_OUTCOMES = ['answered', 'never_answered', 'gave_up'] as const;

/** A scenario in a program's library: its identity. What it says lives in versions; retiring keeps it readable. */
export const mysteryScenarios = sqliteTable(
  'mystery_scenarios',
  {
    id: id(),
    tenantId: tenantId(),
    programId: ref('program_id', () => programs.id),
    createdAt: createdAt(),
    createdBy: text('created_by').notNull(),
    /** Set when retired: no new assignments use it; old ones and their results stay readable. */
    retiredAt: ms('retired_at'),
    retiredBy: text('retired_by')
  },
  (t) => [index('mystery_scenarios_program').on(t.tenantId, t.programId)]
);

/**
 * One version of a scenario: the customer's story and question, the right answer, the customer-oriented
 * opportunity to look for, difficulty and the scorecard to score it on. Rows are never changed or deleted
 * (a trigger in the migration refuses it): an assignment and its results keep the version they were made with.
 */
export const mysteryScenarioVersions = sqliteTable(
  'mystery_scenario_versions',
  {
    id: id(),
    tenantId: tenantId(),
    scenarioId: ref('scenario_id', () => mysteryScenarios.id),
    /** 1, 2, 3… per scenario. */
    version: integer('version').notNull(),
    title: text('title').notNull(),
    story: text('story').notNull(),
    question: text('question').notNull(),
    rightAnswer: text('right_answer').notNull(),
    orientedOpportunity: text('oriented_opportunity').notNull(),
    difficulty: text('difficulty', { enum: MYSTERY_DIFFICULTIES }).notNull(),
    /** The scorecard the shopper scores the agent on (the program's mystery-call or call scorecard). */
    scorecardId: ref('scorecard_id', () => scorecards.id),
    /** What changed in this version. */
    note: text('note').notNull().default(''),
    createdAt: createdAt(),
    createdBy: text('created_by').notNull()
  },
  (t) => [
    uniqueIndex('mystery_scenario_versions_number').on(t.scenarioId, t.version),
    index('mystery_scenario_versions_tenant').on(t.tenantId)
  ]
);

/** A weekday × hour slot of a plan's grid, with its weight (weekday 1 = Monday … 7 = Sunday, hour 0–23, local time). */
export type MysteryGridCell = { weekday: number; hour: number; weight: number };

/**
 * A mystery-call plan for one program and calendar month (in the tenant's time zone): how many calls, how
 * they are spread over weekdays and hours (in proportion to the program's imported call volume, or by a
 * chosen grid), and the service-level target. Publishing it creates the assignments.
 */
export const mysteryPlans = sqliteTable(
  'mystery_plans',
  {
    id: id(),
    tenantId: tenantId(),
    programId: ref('program_id', () => programs.id),
    /** 'YYYY-MM' in the tenant's time zone. */
    month: text('month').notNull(),
    calls: integer('calls').notNull(),
    spread: text('spread', { enum: MYSTERY_PLAN_SPREADS }).notNull(),
    /** The chosen grid when spread = 'grid'. */
    grid: text('grid', { mode: 'json' }).$type<MysteryGridCell[]>(),
    /** Service level: answered by a person within this many seconds. */
    targetAnswerSeconds: integer('target_answer_seconds').notNull().default(20),
    /** The shoppers the calls are divided among (people ids). */
    shopperIds: text('shopper_ids', { mode: 'json' }).notNull().$type<number[]>(),
    status: text('status', { enum: MYSTERY_PLAN_STATUSES }).notNull().default('draft'),
    /** Bumped on every change: the optimistic-concurrency token. */
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
    createdBy: text('created_by').notNull(),
    updatedAt: updatedAt(),
    publishedAt: ms('published_at'),
    publishedBy: text('published_by')
  },
  (t) => [uniqueIndex('mystery_plans_program_month').on(t.tenantId, t.programId, t.month)]
);

/** One planned mystery call: which scenario, which shopper, and the window to call in. */
export const mysteryAssignments = sqliteTable(
  'mystery_assignments',
  {
    id: id(),
    tenantId: tenantId(),
    planId: ref('plan_id', () => mysteryPlans.id),
    programId: ref('program_id', () => programs.id),
    scenarioVersionId: ref('scenario_version_id', () => mysteryScenarioVersions.id),
    shopperId: ref('shopper_id', () => people.id),
    windowStart: ms('window_start').notNull(),
    windowEnd: ms('window_end').notNull(),
    status: text('status', { enum: MYSTERY_ASSIGNMENT_STATUSES }).notNull().default('planned'),
    createdAt: createdAt(),
    updatedAt: updatedAt()
  },
  (t) => [
    index('mystery_assignments_shopper').on(t.tenantId, t.shopperId, t.status, t.windowStart),
    index('mystery_assignments_plan').on(t.planId)
  ]
);

/**
 * What the shopper recorded about one mystery call. Reachability comes from here; the agent's handling is
 * an evaluation of kind 'mystery' (evaluationId; null when nobody answered). The agent is on the evaluation
 * (null until identified); a match to an imported call record is kept here.
 */
export const mysteryCalls = sqliteTable(
  'mystery_calls',
  {
    id: id(),
    tenantId: tenantId(),
    assignmentId: ref('assignment_id', () => mysteryAssignments.id),
    programId: ref('program_id', () => programs.id),
    scenarioVersionId: ref('scenario_version_id', () => mysteryScenarioVersions.id),
    shopperId: ref('shopper_id', () => people.id),
    dialledAt: ms('dialled_at').notNull(),
    outcome: text('outcome', { enum: MYSTERY_OUTCOMES }).notNull(),
    /** When a person answered (outcome 'answered'). */
    answeredAt: ms('answered_at'),
    /** Seconds after dialling the shopper hung up (outcome 'gave_up'). */
    gaveUpAfterSeconds: integer('gave_up_after_seconds'),
    menuSteps: integer('menu_steps').notNull().default(0),
    /** The menu choices made, in order ("2 — billing", "1 — annual statement"). */
    menuChoices: text('menu_choices', { mode: 'json' }).notNull().$type<string[]>().default([]),
    holdSeconds: integer('hold_seconds').notNull().default(0),
    transfers: integer('transfers').notNull().default(0),
    /** Null when nobody answered. */
    resolved: integer('resolved', { mode: 'boolean' }),
    agentNameGiven: text('agent_name_given'),
    rightAnswerGiven: integer('right_answer_given', { mode: 'boolean' }),
    opportunityTaken: integer('opportunity_taken', { mode: 'boolean' }),
    notes: text('notes').notNull().default(''),
    /** Path of an attached recording, relative to the recordings directory. */
    recordingPath: text('recording_path'),
    evaluationId: integer('evaluation_id').references(() => evaluations.id),
    /** The imported call record this mystery call was matched to (time and line), if any. */
    matchedCallId: integer('matched_call_id').references(() => calls.id),
    matchedAt: ms('matched_at'),
    matchedBy: text('matched_by'),
    createdAt: createdAt(),
    updatedAt: updatedAt()
  },
  (t) => [
    uniqueIndex('mystery_calls_assignment').on(t.assignmentId),
    index('mystery_calls_program_time').on(t.tenantId, t.programId, t.dialledAt),
    index('mystery_calls_shopper').on(t.shopperId)
  ]
);
