import { EVALUATION_KINDS, type EvaluationKind } from '@attentive/db/schema/evaluations';

/**
 * When an evaluation of a kind is sealed: hidden from everyone but its author (no role shortcut
 * overrides it) until the condition holds. `untilSubmitted`: while it is a draft (the agent scores
 * first, unseen). `untilRevealed`: a calibration score, hidden from all but its author in every generic
 * evaluation read (list, detail, call context); the calibration session shows it to the session's
 * participants and managers once the session is revealed (core/calibration, policy/calibration.ts).
 */
export type SealCondition = 'untilSubmitted' | 'untilRevealed';

export type KindTraits = {
  /** Averaged into the agent's, team's and program's figures. At most one submitted evaluation of a counting
   *  kind per call (a call is one observation of the agent; DB index `evaluations_one_counting_per_call`). */
  countsTowardAgent: boolean;
  /** The evaluated agent may read it (submitted only, and not while its own self-evaluation of the call is open). */
  visibleToAgent: boolean;
  /** A client auditor of the program may read it (submitted only). Self-evaluations are the agent's coaching
   *  data, never the client's. */
  visibleToClient: boolean;
  /** The evaluated agent may dispute its items (within the program's dispute window). */
  disputable: boolean;
  /** Made by the evaluated agent itself (a self-evaluation): nothing for it to acknowledge, and never hidden from
   *  it by its own open self-evaluation of the call. */
  byAgent: boolean;
  /** Submitting it fulfils the sample items of its call. */
  fulfilsSample: boolean;
  /** Blind: sealed from everyone but its author until the condition holds; null: never sealed. */
  sealed: SealCondition | null;
  /** Made on the evaluation screen (the other kinds come from their own instruments). */
  onScreen: boolean;
  /** Changed only through its instrument's own verbs: the generic evaluation verbs (save, submit, revise,
   *  comment) refuse it. A calibration score is frozen at the reveal, which only the calibration verbs know. */
  ownVerbs: boolean;
};

/**
 * What each kind of evaluation does, in one table (docs/scoring.md, "Which evaluations count").
 * Policy, aggregates, the sample link, coaching and screens read it; adding a kind is one row and its
 * tests (packages/core/test/evaluation-kinds.test.ts covers every kind × role × action).
 */
const counting = {
  countsTowardAgent: true,
  visibleToAgent: true,
  visibleToClient: true,
  disputable: true,
  byAgent: false,
  fulfilsSample: true,
  sealed: null,
  onScreen: true,
  ownVerbs: false
} as const;
const further = {
  countsTowardAgent: false,
  visibleToAgent: true,
  visibleToClient: true,
  disputable: false,
  byAgent: false,
  fulfilsSample: false,
  sealed: null,
  onScreen: false,
  ownVerbs: false
} as const;

export const KIND_TRAITS = {
  sampled: counting,
  live: counting,
  // The shopper's scoring of a mystery call: made on the shopper's form (mystery/), fulfils no sample; counts for
  // the agent once identified (agent_id null until then: program figures only).
  mystery: { ...counting, fulfilsSample: false, onScreen: false },
  // A participant's blind score in a calibration session: never counts, never the agent's or the client's to read
  // as an evaluation (client auditors who take part see the session's answers in the session), sealed until the reveal.
  calibration: { ...further, visibleToAgent: false, visibleToClient: false, sealed: 'untilRevealed', ownVerbs: true },
  // The agent's own scoring of a call (coaching): sealed while the agent drafts it, never the client's.
  self: { ...further, visibleToClient: false, byAgent: true, sealed: 'untilSubmitted' },
  // The client's auditor's blind re-score of a drawn call (client-audit/rescore): never counts, never the agent's to
  // read or dispute, sealed while the auditor drafts it, changed only through the re-score verbs (which keep the
  // item's scored_at in step). The contact center's admins and QA read it once submitted, to see the outcome.
  client_rescore: { ...further, visibleToAgent: false, sealed: 'untilSubmitted', ownVerbs: true },
  // A further scoring of a call that already had a counting one (kept from before the one-per-call rule).
  second_opinion: further
} as const satisfies Record<EvaluationKind, KindTraits>;

type BooleanTrait = { [K in keyof KindTraits]: KindTraits[K] extends boolean ? K : never }[keyof KindTraits];

/** The kinds that have a trait, in the order of EVALUATION_KINDS. */
export const kindsWhere = (trait: BooleanTrait): EvaluationKind[] => EVALUATION_KINDS.filter((k) => KIND_TRAITS[k][trait]);

export const traitsOf = (kind: EvaluationKind): KindTraits => KIND_TRAITS[kind];

/** Kinds averaged into an agent's figures: the default of every aggregate. */
export const COUNTING_KINDS: EvaluationKind[] = kindsWhere('countsTowardAgent');
/** Kinds a client auditor may read. */
export const CLIENT_VISIBLE_KINDS: EvaluationKind[] = kindsWhere('visibleToClient');
/** Kinds the evaluated agent may read. */
export const AGENT_VISIBLE_KINDS: EvaluationKind[] = kindsWhere('visibleToAgent');
/** Kinds whose submission fulfils a sample item. */
export const SAMPLE_KINDS: EvaluationKind[] = kindsWhere('fulfilsSample');
/** Kinds the evaluated agent makes itself (self-evaluations). */
export const AGENT_AUTHORED_KINDS: EvaluationKind[] = kindsWhere('byAgent');
/** Kinds sealed from all but their author while a draft. */
export const SEALED_WHILE_DRAFT_KINDS: EvaluationKind[] = EVALUATION_KINDS.filter((k) => KIND_TRAITS[k].sealed === 'untilSubmitted');
/** A kind made on the evaluation screen, as a type (read from the table). */
export type ScreenKind = { [K in EvaluationKind]: (typeof KIND_TRAITS)[K]['onScreen'] extends true ? K : never }[EvaluationKind];
/** Kinds made on the evaluation screen (start-evaluation's `kind`); the others are created by their own instruments. */
export const SCREEN_KINDS = kindsWhere('onScreen') as [ScreenKind, ...ScreenKind[]];

export const countsTowardAgent = (kind: EvaluationKind) => KIND_TRAITS[kind].countsTowardAgent;
export const visibleToAgent = (kind: EvaluationKind) => KIND_TRAITS[kind].visibleToAgent;
export const visibleToClient = (kind: EvaluationKind) => KIND_TRAITS[kind].visibleToClient;
export const isDisputable = (kind: EvaluationKind) => KIND_TRAITS[kind].disputable;
export const fulfilsSample = (kind: EvaluationKind) => KIND_TRAITS[kind].fulfilsSample;
export const byAgent = (kind: EvaluationKind) => KIND_TRAITS[kind].byAgent;
/** The evaluated agent confirms it read it: any kind the agent did not make itself. */
export const acknowledgeable = (kind: EvaluationKind) => !KIND_TRAITS[kind].byAgent;

export { EVALUATION_KINDS, type EvaluationKind };
