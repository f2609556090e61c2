import { sql } from 'drizzle-orm';
import { index, integer, real, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { calls } from './calls.ts';
import { people, programs } from './org.ts';
import { scorecardVersions } from './scorecards.ts';
import { EVALUATION_KINDS, EVALUATION_STATUSES } from '@attentive/shared/evaluation';
import { createdAt, id, ms, ref, tenantId, updatedAt } from './columns.ts';

/**
 * How an evaluation came about. Every instrument that scores on a scorecard lands here. What each kind
 * does (counts toward the agent? visible to the client?) is one table in core: evaluations/kinds.ts.
 */
export { EVALUATION_KINDS, EVALUATION_STATUSES, type EvaluationKind, type EvaluationStatus } from '@attentive/shared/evaluation';

/** Answers as stored: item id → the answer the scoring module understands (see core/scoring). */
export type StoredAnswers = Record<string, unknown>;
/** Per-dimension percentages cached from computeScore; null where nothing was scored. */
export type StoredDimensionScores = Record<string, number | null>;

/**
 * One scoring of one contact (a recorded call, a live-monitored conversation, a mystery call…) on one
 * frozen scorecard version. The row holds the working answers and the results of the latest revision,
 * cached for fast aggregates; the revisions table holds every submitted state, never overwritten.
 */
export const evaluations = sqliteTable(
  'evaluations',
  {
    id: id(),
    tenantId: tenantId(),
    /** Null for live monitoring or mystery calls without a recording in the system. */
    callId: integer('call_id').references(() => calls.id),
    /** Null while a mystery call's agent is not identified (a shopper often learns a first name, or none). */
    agentId: integer('agent_id').references(() => people.id),
    programId: ref('program_id', () => programs.id),
    /** The frozen scorecard version this evaluation is scored on (scorecard_versions.id). */
    scorecardVersionId: ref('scorecard_version_id', () => scorecardVersions.id),
    /** Who scores. Null only for principals without a person record (e.g. the system). */
    evaluatorId: integer('evaluator_id').references(() => people.id),
    evaluatorLabel: text('evaluator_label').notNull(),
    kind: text('kind', { enum: EVALUATION_KINDS }).notNull(),
    status: text('status', { enum: EVALUATION_STATUSES }).notNull().default('draft'),
    /** Number of the latest submitted revision; 0 while never submitted. */
    revision: integer('revision').notNull().default(0),
    /** Bumped on every write (autosave included): the optimistic-concurrency token for drafts. */
    version: integer('version').notNull().default(1),
    /** Working answers: the draft before submit, the latest revision's answers after. */
    answers: text('answers', { mode: 'json' }).notNull().$type<StoredAnswers>(),
    submittedAt: ms('submitted_at'),
    // Cached results of computeScore for the current answers (aggregates read only these columns).
    overallScore: real('overall_score'),
    dimensionScores: text('dimension_scores', { mode: 'json' }).$type<StoredDimensionScores>(),
    // The same three dimension scores as plain columns: aggregates read them from one covering index.
    friendlyScore: real('friendly_score'),
    orientedScore: real('oriented_score'),
    complianceScore: real('compliance_score'),
    failed: integer('failed', { mode: 'boolean' }).notNull().default(false),
    /** JSON list of critical classes failed: 'customer' | 'business' | 'compliance'. */
    criticalFlags: text('critical_flags', { mode: 'json' }).notNull().$type<string[]>().default([]),
    createdAt: createdAt(),
    updatedAt: updatedAt()
  },
  (t) => [
    // Covers the aggregates (per agent/team/program × dimension) without touching the wide rows.
    index('evaluations_aggregate').on(
      t.tenantId,
      t.status,
      t.agentId,
      t.kind,
      t.submittedAt,
      t.programId,
      t.failed,
      t.overallScore,
      t.friendlyScore,
      t.orientedScore,
      t.complianceScore
    ),
    index('evaluations_agent_time').on(t.agentId, t.submittedAt),
    index('evaluations_program_time').on(t.programId, t.submittedAt),
    // Covers the client portal's per-program month and trend figures (core/client-audit/metrics.ts).
    index('evaluations_program_aggregate').on(
      t.programId,
      t.status,
      t.submittedAt,
      t.kind,
      t.failed,
      t.overallScore,
      t.friendlyScore,
      t.orientedScore,
      t.complianceScore,
      t.criticalFlags,
      // The month's fingerprint for the portal's figure cache (count, latest change, sum of versions).
      t.version,
      t.updatedAt
    ),
    index('evaluations_call').on(t.callId),
    // A call counts once toward its agent: one submitted evaluation of a counting kind (core KIND_TRAITS) per call.
    uniqueIndex('evaluations_one_counting_per_call')
      .on(t.callId)
      .where(sql`status = 'submitted' and kind in ('sampled', 'live', 'mystery') and call_id is not null`),
    index('evaluations_evaluator').on(t.evaluatorId, t.status)
  ]
);

/**
 * Every submitted state of an evaluation: revision 1 at submit, one more per later change, each with
 * who, when and (after the first) why. Rows are only ever inserted.
 */
export const evaluationRevisions = sqliteTable(
  'evaluation_revisions',
  {
    id: id(),
    evaluationId: ref('evaluation_id', () => evaluations.id),
    revision: integer('revision').notNull(),
    answers: text('answers', { mode: 'json' }).notNull().$type<StoredAnswers>(),
    /** The full computeScore result for these answers (overall, sections, dimensions, flags). */
    result: text('result', { mode: 'json' }).notNull().$type<unknown>(),
    overallScore: real('overall_score'),
    failed: integer('failed', { mode: 'boolean' }).notNull(),
    authorId: integer('author_id').references(() => people.id),
    authorLabel: text('author_label').notNull(),
    at: ms('at').notNull(),
    /** Required for every revision after the first. */
    reason: text('reason')
  },
  (t) => [uniqueIndex('evaluation_revisions_eval_rev').on(t.evaluationId, t.revision)]
);

/**
 * A remark on an evaluation: on the whole, on one item, pinned to a moment of the recording
 * (`atSeconds`) or to a transcript turn. Comments are added, never edited.
 */
export const evaluationComments = sqliteTable(
  'evaluation_comments',
  {
    id: id(),
    tenantId: tenantId(),
    evaluationId: ref('evaluation_id', () => evaluations.id),
    itemId: text('item_id'),
    text: text('text').notNull(),
    atSeconds: real('at_seconds'),
    turnIndex: integer('turn_index'),
    authorId: integer('author_id').references(() => people.id),
    authorLabel: text('author_label').notNull(),
    createdAt: createdAt()
  },
  (t) => [index('evaluation_comments_eval').on(t.evaluationId)]
);
