import { EVALUATION_KINDS, type EvaluationKind } from '@attentive/db/schema/evaluations';

/**
 * What each kind of evaluation does, in one table (docs/scoring.md, "Which evaluations count").
 * Policy, aggregates, coaching figures and screens read it; adding a kind is one row and its tests.
 * - countsTowardAgent: averaged into the agent's, team's and program's figures. At most one submitted
 *   evaluation of a counting kind per call (a call is one observation of the agent; DB index
 *   `evaluations_one_counting_per_call` enforces it).
 * - visibleToClient: a client auditor of the program may read it (submitted only). Self-evaluations are
 *   the agent's coaching data, never the client's.
 * - onScreen: made on the evaluation screen (the other kinds come from their own instruments).
 */
export const KIND_TRAITS = {
  sampled: { countsTowardAgent: true, visibleToClient: true, onScreen: true },
  live: { countsTowardAgent: true, visibleToClient: true, onScreen: true },
  mystery: { countsTowardAgent: true, visibleToClient: true, onScreen: true },
  calibration: { countsTowardAgent: false, visibleToClient: true, onScreen: false },
  self: { countsTowardAgent: false, visibleToClient: false, onScreen: false },
  client_rescore: { countsTowardAgent: false, visibleToClient: true, onScreen: false },
  // A further scoring of a call that already had a counting one (kept from before the one-per-call rule).
  second_opinion: { countsTowardAgent: false, visibleToClient: true, onScreen: false }
} as const satisfies Record<EvaluationKind, { countsTowardAgent: boolean; visibleToClient: boolean; onScreen: boolean }>;

const kindsWhere = (trait: 'countsTowardAgent' | 'visibleToClient') => EVALUATION_KINDS.filter((k) => KIND_TRAITS[k][trait]);

/** Kinds averaged into an agent's figures: the default of every aggregate. */
export const COUNTING_KINDS: EvaluationKind[] = kindsWhere('countsTowardAgent');
/** Kinds a client auditor may read. */
export const CLIENT_VISIBLE_KINDS: EvaluationKind[] = kindsWhere('visibleToClient');

export const countsTowardAgent = (kind: EvaluationKind) => KIND_TRAITS[kind].countsTowardAgent;
export const visibleToClient = (kind: EvaluationKind) => KIND_TRAITS[kind].visibleToClient;

export { EVALUATION_KINDS, type EvaluationKind };
