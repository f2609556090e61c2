import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { calls } from './calls.ts';
import { evaluations } from './evaluations.ts';
import { people, programs } from './org.ts';
import { DISPUTE_STATUSES, SELF_EVALUATION_STATUSES } from '@attentive/shared/evaluation';
import { createdAt, id, ms, ref, tenantId, updatedAt } from './columns.ts';

/** The agent read a revision of an evaluation. A new revision (e.g. after a dispute) is acknowledged anew. */
export const evaluationAcknowledgements = sqliteTable(
  'evaluation_acknowledgements',
  {
    id: id(),
    tenantId: tenantId(),
    evaluationId: ref('evaluation_id', () => evaluations.id),
    revision: integer('revision').notNull(),
    agentId: ref('agent_id', () => people.id),
    at: ms('at').notNull()
  },
  (t) => [uniqueIndex('evaluation_ack_eval_rev').on(t.evaluationId, t.revision), index('evaluation_ack_agent').on(t.agentId)]
);

export { DISPUTE_STATUSES, SELF_EVALUATION_STATUSES, type DisputeStatus } from '@attentive/shared/evaluation';
export const DISPUTE_ITEM_OUTCOMES = ['accepted', 'rejected'] as const;

/** An agent disagrees with items of a submitted evaluation; a lead or QA resolves it. */
export const disputes = sqliteTable(
  'disputes',
  {
    id: id(),
    tenantId: tenantId(),
    evaluationId: ref('evaluation_id', () => evaluations.id),
    agentId: ref('agent_id', () => people.id),
    /** The revision the agent disputed. */
    revision: integer('revision').notNull(),
    status: text('status', { enum: DISPUTE_STATUSES }).notNull().default('open'),
    openedAt: ms('opened_at').notNull(),
    resolvedAt: ms('resolved_at'),
    resolverId: integer('resolver_id').references(() => people.id),
    resolverLabel: text('resolver_label'),
    resolutionReason: text('resolution_reason'),
    /** The evaluation revision the resolution created (accepted or partly accepted). */
    resultingRevision: integer('resulting_revision'),
    createdAt: createdAt()
  },
  (t) => [
    index('disputes_tenant_status').on(t.tenantId, t.status, t.openedAt),
    index('disputes_eval').on(t.evaluationId),
    index('disputes_agent').on(t.agentId)
  ]
);

/**
 * One disputed item. Unique per (evaluation, item): an item is disputed once, whatever the outcome,
 * so a rejected point cannot be raised again and again.
 */
export const disputeItems = sqliteTable(
  'dispute_items',
  {
    id: id(),
    tenantId: tenantId(),
    disputeId: ref('dispute_id', () => disputes.id),
    evaluationId: ref('evaluation_id', () => evaluations.id),
    itemId: text('item_id').notNull(),
    reason: text('reason').notNull(),
    /** The answer at the time of the dispute, and the one the agent proposes (optional). */
    answerBefore: text('answer_before', { mode: 'json' }).$type<string | number | null>(),
    proposedAnswer: text('proposed_answer', { mode: 'json' }).$type<string | number | null>(),
    outcome: text('outcome', { enum: DISPUTE_ITEM_OUTCOMES }),
    /** The answer set by the resolution when accepted. */
    answerAfter: text('answer_after', { mode: 'json' }).$type<string | number | null>()
  },
  (t) => [uniqueIndex('dispute_items_eval_item').on(t.evaluationId, t.itemId), index('dispute_items_dispute').on(t.disputeId)]
);

/**
 * A lead asks an agent to score a call itself first. The agent's scoring is an evaluation of kind
 * 'self'; the lead's evaluation of the call is hidden from the agent until the self-evaluation is submitted.
 */
export const selfEvaluationRequests = sqliteTable(
  'self_evaluation_requests',
  {
    id: id(),
    tenantId: tenantId(),
    callId: ref('call_id', () => calls.id),
    agentId: ref('agent_id', () => people.id),
    programId: ref('program_id', () => programs.id),
    requestedById: integer('requested_by_id').references(() => people.id),
    requestedByLabel: text('requested_by_label').notNull(),
    /** The lead's evaluation of the call, compared with the self-evaluation. */
    leadEvaluationId: integer('lead_evaluation_id').references(() => evaluations.id),
    /** The agent's evaluation (kind 'self'), created with the request as an empty draft. */
    selfEvaluationId: ref('self_evaluation_id', () => evaluations.id),
    message: text('message'),
    status: text('status', { enum: SELF_EVALUATION_STATUSES }).notNull().default('open'),
    requestedAt: ms('requested_at').notNull(),
    submittedAt: ms('submitted_at')
  },
  (t) => [
    uniqueIndex('self_eval_requests_call_agent').on(t.callId, t.agentId),
    index('self_eval_requests_agent').on(t.agentId, t.status),
    index('self_eval_requests_lead_eval').on(t.leadEvaluationId)
  ]
);

/** A coaching conversation between a team lead (or QA) and an agent. */
export const coachingSessions = sqliteTable(
  'coaching_sessions',
  {
    id: id(),
    tenantId: tenantId(),
    agentId: ref('agent_id', () => people.id),
    coachId: integer('coach_id').references(() => people.id),
    coachLabel: text('coach_label').notNull(),
    /** YYYY-MM-DD. */
    heldOn: text('held_on').notNull(),
    notes: text('notes').notNull().default(''),
    /** YYYY-MM-DD. */
    followUpOn: text('follow_up_on'),
    agentConfirmedAt: ms('agent_confirmed_at'),
    /** Set when the follow-up is recorded as done. */
    closedAt: ms('closed_at'),
    createdAt: createdAt(),
    updatedAt: updatedAt()
  },
  (t) => [
    index('coaching_sessions_agent').on(t.agentId, t.heldOn),
    index('coaching_sessions_tenant_follow_up').on(t.tenantId, t.followUpOn)
  ]
);

export const coachingSessionEvaluations = sqliteTable(
  'coaching_session_evaluations',
  {
    sessionId: ref('session_id', () => coachingSessions.id),
    evaluationId: ref('evaluation_id', () => evaluations.id)
  },
  (t) => [primaryKey({ columns: [t.sessionId, t.evaluationId] })]
);

/** The behaviour to work on: a scorecard item (by id) and what to do differently. */
export const coachingFocusItems = sqliteTable(
  'coaching_focus_items',
  {
    id: id(),
    sessionId: ref('session_id', () => coachingSessions.id),
    itemId: text('item_id').notNull(),
    text: text('text').notNull()
  },
  (t) => [uniqueIndex('coaching_focus_session_item').on(t.sessionId, t.itemId)]
);

export const ACTION_OWNERS = ['agent', 'coach'] as const;

export const coachingActions = sqliteTable(
  'coaching_actions',
  {
    id: id(),
    tenantId: tenantId(),
    sessionId: ref('session_id', () => coachingSessions.id),
    text: text('text').notNull(),
    owner: text('owner', { enum: ACTION_OWNERS }).notNull(),
    /** YYYY-MM-DD. */
    dueOn: text('due_on').notNull(),
    doneAt: ms('done_at')
  },
  (t) => [index('coaching_actions_session').on(t.sessionId)]
);

export const FOLLOW_UP_PROGRESS = ['improved', 'unchanged', 'worse'] as const;

/** The lead's notes at follow-up; never edited, one more row per follow-up. */
export const coachingFollowUps = sqliteTable(
  'coaching_follow_ups',
  {
    id: id(),
    sessionId: ref('session_id', () => coachingSessions.id),
    progress: text('progress', { enum: FOLLOW_UP_PROGRESS }).notNull(),
    note: text('note').notNull(),
    authorId: integer('author_id').references(() => people.id),
    authorLabel: text('author_label').notNull(),
    at: ms('at').notNull()
  },
  (t) => [index('coaching_follow_ups_session').on(t.sessionId)]
);
