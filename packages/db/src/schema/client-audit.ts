import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { clients, people, programs } from './org.ts';
import { calls } from './calls.ts';
import { evaluations } from './evaluations.ts';
import { createdAt, id, ms, ref, tenantId } from './columns.ts';

// The client's audit (docs/client-audit.md): the contract terms a program is measured against, and the blind
// re-scores with which a client checks the contact center's own evaluators.

/**
 * One target of a contract version, as stored (validated by the shared ContractTarget schema on the way in).
 * `target` and `step` are in the metric's unit (shared/client-metrics.ts). Money: `kind` 'amount' → cents per
 * step; 'percent' → basis points (1/100 %) of the monthly fee per step. Whole numbers only: money is never a float.
 */
export type StoredContractTarget = {
  metric: string;
  target: number;
  step: number;
  maxSteps: number;
  money: { kind: 'amount' | 'percent'; bonusPerStep: number; malusPerStep: number };
};

/**
 * The contract terms of a program for a span of months: a version, never changed once made except to end it
 * (`validTo`), like a scorecard version. A report uses the version in force for its month; two versions of a
 * program never overlap (checked by the verb that writes them, in its transaction). Every write is audited.
 */
export const contractTerms = sqliteTable(
  'contract_terms',
  {
    id: id(),
    tenantId: tenantId(),
    programId: ref('program_id', () => programs.id),
    /** 1, 2, 3… per program, in the order made. */
    version: integer('version').notNull(),
    /** First month in force (YYYY-MM, the contact center's clock). */
    validFrom: text('valid_from').notNull(),
    /** Last month in force, inclusive; null: until further notice. */
    validTo: text('valid_to'),
    /** The monthly fee the percentages apply to, in cents. */
    monthlyFeeCents: integer('monthly_fee_cents').notNull(),
    /** ISO 4217 code of the fee and every amount (EUR). */
    currency: text('currency').notNull().default('EUR'),
    targets: text('targets', { mode: 'json' }).notNull().$type<StoredContractTarget[]>(),
    /** Why these terms (the contract clause, an amendment's reference). */
    note: text('note').notNull().default(''),
    createdBy: text('created_by').notNull(),
    createdAt: createdAt()
  },
  (t) => [
    uniqueIndex('contract_terms_program_version').on(t.programId, t.version),
    index('contract_terms_program_from').on(t.programId, t.validFrom)
  ]
);

/**
 * A client's blind re-score: a random share of the submitted counting evaluations of its programs in a
 * period, drawn reproducibly (seed + population hash, like a sample run), for the client's auditors to score
 * without seeing the contact center's scores.
 */
export const clientRescores = sqliteTable(
  'client_rescores',
  {
    id: id(),
    tenantId: tenantId(),
    clientId: ref('client_id', () => clients.id),
    /** Null: every program of the client. */
    programId: integer('program_id').references(() => programs.id),
    /** Local days, inclusive (YYYY-MM-DD): evaluations submitted in them form the population. */
    fromDay: text('from_day').notNull(),
    toDay: text('to_day').notNull(),
    /** The share drawn, in basis points (500 = 5%). */
    shareBasisPoints: integer('share_basis_points').notNull(),
    /** Hex seed of sampling's ranker: anyone with the population can redo the draw. */
    seed: text('seed').notNull(),
    populationCount: integer('population_count').notNull(),
    /** sha256 of the population's evaluation ids (sampling/population-hash.ts). */
    populationHash: text('population_hash').notNull(),
    requestedById: integer('requested_by_id').references(() => people.id),
    requestedBy: text('requested_by').notNull(),
    createdAt: createdAt()
  },
  (t) => [index('client_rescores_client').on(t.tenantId, t.clientId)]
);

/**
 * One drawn evaluation of a re-score. While `scoredAt` is null the contact center's evaluations of `callId`
 * are sealed from the client's auditors (policy/evaluations.ts); the client's own score is an evaluation of
 * kind 'client_rescore' (`clientEvaluationId`), which never counts toward the agent.
 */
export const clientRescoreItems = sqliteTable(
  'client_rescore_items',
  {
    id: id(),
    tenantId: tenantId(),
    rescoreId: ref('rescore_id', () => clientRescores.id),
    /** The contact center's evaluation drawn (the one compared against). */
    evaluationId: ref('evaluation_id', () => evaluations.id),
    callId: ref('call_id', () => calls.id),
    /** HMAC rank (hex) under the seed: lower ranks were drawn first. */
    rank: text('rank').notNull(),
    clientEvaluationId: integer('client_evaluation_id').references(() => evaluations.id),
    /** When the client's score was submitted: from then on the contact center's scores of the call are readable. */
    scoredAt: ms('scored_at')
  },
  (t) => [
    uniqueIndex('client_rescore_items_rescore_evaluation').on(t.rescoreId, t.evaluationId),
    index('client_rescore_items_call').on(t.callId, t.scoredAt)
  ]
);

/**
 * A change counter per program and UTC day (days since 1970-01-01) of the rows the client figures are measured
 * from: submitted evaluations (by submission time), mystery calls (by dialling time), survey responses (by their
 * list's day) and mystery plans (their month's first day). Written ONLY by triggers (migration 0020), in the
 * same statement as the change, whoever writes — verbs, seeder, imports, raw SQL. A month's figures are kept in
 * memory under the sum of its days' counters (core client-audit/metrics.ts): counters only grow, so any change
 * to a month's rows makes a new sum, in every process that shares the database.
 */
export const figureEpochs = sqliteTable(
  'figure_epochs',
  {
    programId: integer('program_id').notNull(),
    day: integer('day').notNull(),
    n: integer('n').notNull()
  },
  (t) => [primaryKey({ columns: [t.programId, t.day] })]
);
