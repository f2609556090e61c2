import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { people, programs } from './org.ts';
import { scorecardVersions } from './scorecards.ts';
import { evaluations } from './evaluations.ts';
import { calls } from './calls.ts';
import { createdAt, id, ms, ref, tenantId } from './columns.ts';

// Calibration (docs/calibration.md): several evaluators score the same calls blind on one scorecard version,
// the answers are revealed side by side, the facilitator records the agreed answer per item, and the agreement
// statistics (packages/core/src/stats/agreement.ts) say how far an agent's score depends on who scored it.
// Calibration evaluations are rows of `evaluations` of kind 'calibration': they never count toward an agent,
// are never shown to agents, and are sealed from everyone but their author until the session is revealed.

/** How the calls of a session were chosen: picked by the facilitator, or drawn at random (seed kept). */
export const CALIBRATION_SELECTIONS = ['chosen', 'drawn'] as const;
/** Where the agreed answer of an item comes from: the group's consensus, or an expert's ruling. */
export const CALIBRATION_CONSENSUS_BASES = ['consensus', 'expert'] as const;

export const calibrationSessions = sqliteTable(
  'calibration_sessions',
  {
    id: id(),
    tenantId: tenantId(),
    programId: ref('program_id', () => programs.id),
    /** Every participant scores on this version, fixed when the session is made. */
    scorecardVersionId: ref('scorecard_version_id', () => scorecardVersions.id),
    title: text('title').notNull(),
    /** The QA analyst or admin who made it and runs the reveal. */
    facilitatorId: ref('facilitator_id', () => people.id),
    deadline: ms('deadline').notNull(),
    selection: text('selection', { enum: CALIBRATION_SELECTIONS }).notNull(),
    /** For a drawn selection: the seed (hex) of sampling's ranker and the period drawn from, so the draw can be repeated. */
    drawSeed: text('draw_seed'),
    drawFrom: ms('draw_from'),
    drawTo: ms('draw_to'),
    /** Set once, by the reveal: from then on every participant sees every answer, and no answer changes. */
    revealedAt: ms('revealed_at'),
    revealedBy: text('revealed_by'),
    /** The facilitator's notes of the discussion. */
    notes: text('notes').notNull().default(''),
    createdAt: createdAt(),
    createdBy: text('created_by').notNull()
  },
  (t) => [index('calibration_sessions_tenant').on(t.tenantId, t.createdAt)]
);

/** The calls of a session, in the order the participants see them. */
export const calibrationCalls = sqliteTable(
  'calibration_calls',
  {
    sessionId: ref('session_id', () => calibrationSessions.id),
    callId: ref('call_id', () => calls.id),
    position: integer('position').notNull()
  },
  (t) => [primaryKey({ columns: [t.sessionId, t.callId] }), index('calibration_calls_call').on(t.callId)]
);

/** Who scores in a session: team leads, QA analysts, admins, and optionally the client's auditors. */
export const calibrationParticipants = sqliteTable(
  'calibration_participants',
  {
    sessionId: ref('session_id', () => calibrationSessions.id),
    personId: ref('person_id', () => people.id)
  },
  (t) => [primaryKey({ columns: [t.sessionId, t.personId] }), index('calibration_participants_person').on(t.personId)]
);

/**
 * A participant's scoring of one call of a session: the evaluation (kind 'calibration') it is made in.
 * Made on the participant's first save; at most one per session, call and participant.
 */
export const calibrationEvaluations = sqliteTable(
  'calibration_evaluations',
  {
    sessionId: ref('session_id', () => calibrationSessions.id),
    callId: ref('call_id', () => calls.id),
    participantId: ref('participant_id', () => people.id),
    evaluationId: ref('evaluation_id', () => evaluations.id)
  },
  (t) => [
    primaryKey({ columns: [t.sessionId, t.callId, t.participantId] }),
    uniqueIndex('calibration_evaluations_evaluation').on(t.evaluationId)
  ]
);

/**
 * The agreed answer of one item of one call, recorded by the facilitator after the reveal: the yardstick each
 * evaluator's deviation is measured against. `answer` is stored like an evaluation's answer (JSON: a number, a
 * choice, 'yes'/'no', 'na'); null means the item was left without an agreed answer.
 */
export const calibrationConsensus = sqliteTable(
  'calibration_consensus',
  {
    sessionId: ref('session_id', () => calibrationSessions.id),
    callId: ref('call_id', () => calls.id),
    itemId: text('item_id').notNull(),
    answer: text('answer', { mode: 'json' }).$type<string | number | null>(),
    basis: text('basis', { enum: CALIBRATION_CONSENSUS_BASES }).notNull().default('consensus'),
    note: text('note').notNull().default(''),
    decidedBy: text('decided_by').notNull(),
    decidedAt: ms('decided_at').notNull()
  },
  (t) => [primaryKey({ columns: [t.sessionId, t.callId, t.itemId] })]
);
