import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { calls } from './calls.ts';
import { evaluations } from './evaluations.ts';
import { people, programs } from './org.ts';
import { createdAt, id, ms, ref, tenantId, updatedAt } from './columns.ts';

/**
 * A sampling plan of a program: who gets how many random calls per period, from which calls.
 * `draft` is the definition being edited; publishing freezes it as the next sampling_plan_versions row.
 * The definition's shape is owned by packages/core/src/sampling/definition.ts.
 */
export const samplingPlans = sqliteTable(
  'sampling_plans',
  {
    id: id(),
    tenantId: tenantId(),
    programId: ref('program_id', () => programs.id),
    name: text('name').notNull(),
    draft: text('draft', { mode: 'json' }).notNull().$type<unknown>(),
    /** Latest published version number; null while never published. The scheduler runs only published, active plans. */
    publishedVersion: integer('published_version'),
    active: integer('active', { mode: 'boolean' }).notNull().default(true),
    createdAt: createdAt(),
    updatedAt: updatedAt()
  },
  (t) => [uniqueIndex('sampling_plans_program_name').on(t.programId, t.name), index('sampling_plans_tenant').on(t.tenantId)]
);

/** A published, frozen plan definition. Runs point at the version they were drawn with. */
export const samplingPlanVersions = sqliteTable(
  'sampling_plan_versions',
  {
    id: id(),
    tenantId: tenantId(),
    planId: ref('plan_id', () => samplingPlans.id),
    version: integer('version').notNull(),
    definition: text('definition', { mode: 'json' }).notNull().$type<unknown>(),
    publishedAt: ms('published_at').notNull(),
    publishedBy: text('published_by').notNull()
  },
  (t) => [uniqueIndex('sampling_plan_versions_plan_version').on(t.planId, t.version)]
);

export const SAMPLE_RUN_TRIGGERS = ['schedule', 'manual', 'client'] as const;
export const SAMPLE_RUN_PURPOSES = ['routine', 'audit'] as const;

/**
 * One draw of a plan version over one period. Everything needed to recompute it is stored: seed,
 * period, the filter snapshot (definition, resolved quotas, excluded calls) and the population hash.
 * A period is drawn at most once per plan and purpose (the unique index), so re-running never duplicates.
 */
export const sampleRuns = sqliteTable(
  'sample_runs',
  {
    id: id(),
    tenantId: tenantId(),
    planId: ref('plan_id', () => samplingPlans.id),
    planVersionId: ref('plan_version_id', () => samplingPlanVersions.id),
    programId: ref('program_id', () => programs.id),
    purpose: text('purpose', { enum: SAMPLE_RUN_PURPOSES }).notNull().default('routine'),
    trigger: text('trigger', { enum: SAMPLE_RUN_TRIGGERS }).notNull(),
    /** HMAC key of the draw, hex. Generated with crypto randomness at run time, or supplied by the client. */
    seed: text('seed').notNull(),
    seedSource: text('seed_source', { enum: ['generated', 'client'] }).notNull(),
    /** [periodStart, periodEnd): instants of local midnight in the plan's time zone. */
    periodStart: ms('period_start').notNull(),
    periodEnd: ms('period_end').notNull(),
    periodLabel: text('period_label').notNull(),
    filterSnapshot: text('filter_snapshot', { mode: 'json' }).notNull().$type<unknown>(),
    /** sha256 of the eligible call ids, sorted ascending, as decimal, joined by "\n". */
    populationHash: text('population_hash').notNull(),
    populationSize: integer('population_size').notNull(),
    selectedCount: integer('selected_count').notNull(),
    requestedBy: text('requested_by').notNull(),
    createdAt: ms('created_at').notNull(),
    finishedAt: ms('finished_at')
  },
  (t) => [
    uniqueIndex('sample_runs_plan_period').on(t.planId, t.purpose, t.periodStart, t.periodEnd),
    index('sample_runs_tenant_time').on(t.tenantId, t.createdAt),
    index('sample_runs_program').on(t.programId)
  ]
);

export const SAMPLE_ITEM_STATUSES = ['selected', 'replaced', 'replacement'] as const;

/** One drawn call: its rank, whether it was replaced (and by which item, why), who evaluates it by when. */
export const sampleItems = sqliteTable(
  'sample_items',
  {
    id: id(),
    tenantId: tenantId(),
    runId: ref('run_id', () => sampleRuns.id),
    callId: ref('call_id', () => calls.id),
    agentId: ref('agent_id', () => people.id),
    /** HMAC-SHA256(seed, call id) as hex: lower ranks are drawn first. */
    rank: text('rank').notNull(),
    /** The stratum and time bucket the call was drawn from, e.g. "queue:3/day:2026-11-17". */
    stratum: text('stratum').notNull(),
    status: text('status', { enum: SAMPLE_ITEM_STATUSES }).notNull(),
    /** For a replaced item: the item that replaced it. */
    replacedBy: integer('replaced_by'),
    /** For a replaced item: why (required); for a replacement: null. */
    reason: text('reason'),
    replacedAt: ms('replaced_at'),
    assignedTo: integer('assigned_to').references(() => people.id),
    assignedAt: ms('assigned_at'),
    dueAt: ms('due_at'),
    /** The evaluation made of this sampled call, once there is one. */
    evaluationId: integer('evaluation_id').references(() => evaluations.id),
    createdAt: createdAt()
  },
  (t) => [
    uniqueIndex('sample_items_run_call').on(t.runId, t.callId),
    index('sample_items_assignee').on(t.assignedTo, t.status),
    index('sample_items_call').on(t.callId),
    index('sample_items_agent').on(t.tenantId, t.agentId)
  ]
);
