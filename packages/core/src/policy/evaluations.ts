import { isAssignedLead, type CallScope } from './calls.ts';
import { type Principal, clientIdsAudited, hasRole, teamIdsLedBy } from './principal.ts';
import {
  CLIENT_VISIBLE_KINDS,
  AGENT_VISIBLE_KINDS,
  EVALUATION_KINDS,
  KIND_TRAITS,
  isDisputable,
  visibleToAgent,
  visibleToClient,
  type EvaluationKind
} from '../evaluations/kinds.ts';

/**
 * Who may score, change and read evaluations. One module, used by every evaluation verb and list.
 * - Sealed evaluations first (`isSealedFrom`): hidden from everyone but their author until their kind's
 *   condition holds (an agent's self-evaluation: until it is submitted). No role overrides a seal.
 * - Evaluators: admins and QA analysts anywhere in the tenant; team leads for the agents of their teams
 *   and for the calls a sample assigned to them (cross-team assignment).
 * - Agents read their own submitted evaluations (of the kinds visible to the agent); client auditors (and
 *   client/program API tokens) read submitted evaluations of their clients' programs of the kinds the
 *   client may see (kinds.ts: never an agent's self-evaluation, which is coaching data). Neither creates
 *   nor changes one (self-scoring and client re-scoring come as their own instruments, with their own rules).
 */
export type EvaluationScope = Omit<CallScope, 'agentId'> & {
  /** Null while the agent is not identified (a mystery call before it is matched): no agent or team rule applies. */
  agentId: number | null;
};

/** What the rules need to know of an evaluation. */
export type EvaluationFacts = { status: 'draft' | 'submitted'; kind: EvaluationKind; evaluatorId: number | null; evaluatorLabel: string };

/** The principal made this evaluation (a person by id; a token or system principal by its label). */
export function isAuthor(p: Principal, e: Pick<EvaluationFacts, 'evaluatorId' | 'evaluatorLabel'>): boolean {
  return p.personId != null ? e.evaluatorId === p.personId : e.evaluatorLabel === p.label;
}

/**
 * The sealing rule: an evaluation of a blind kind (KIND_TRAITS.sealed) is hidden from everyone but its
 * author until its condition holds — checked before any role shortcut, by every read and change
 * (canReadEvaluation, canChangeEvaluation and the list's SQL, `sealedWhere`).
 */
export function isSealedFrom(p: Principal, e: EvaluationFacts): boolean {
  const seal = KIND_TRAITS[e.kind].sealed;
  if (seal == null || isAuthor(p, e)) return false;
  switch (seal) {
    case 'untilSubmitted':
      return e.status !== 'submitted';
    case 'untilRevealed':
      // Generic reads never show another's calibration score; the revealed session does (policy/calibration.ts).
      return true;
  }
}

/**
 * The seal as a description the list's SQL applies: rows of `kinds` in a draft are hidden unless the
 * principal is their author (by person id, or by label for a principal without a person).
 */
export type EvaluationSeal = {
  /** Hidden while a draft unless authored by the principal. */
  kinds: EvaluationKind[];
  /** Hidden in every status unless authored by the principal (calibration scores in generic reads). */
  alwaysKinds: EvaluationKind[];
  author: { personId: number } | { label: string };
};

export function evaluationSeal(p: Principal): EvaluationSeal {
  return {
    kinds: EVALUATION_KINDS.filter((k) => KIND_TRAITS[k].sealed === 'untilSubmitted'),
    alwaysKinds: EVALUATION_KINDS.filter((k) => KIND_TRAITS[k].sealed === 'untilRevealed'),
    author: p.personId != null ? { personId: p.personId } : { label: p.label }
  };
}

/**
 * THE re-score seal (docs/client-audit.md, "The blind re-score"): while an item of a re-score of client C is
 * unscored, every evaluation of that item's call is hidden from C's auditors, except the ones they made
 * themselves (their own client score). Whatever else the principal may be: an auditor of C reads nothing of
 * the contact center's scores of that call, in no read. The contact center's staff are not affected (they are
 * not C's auditors). The list applies it as SQL (visibility-sql.ts `notSealedForClientRescore`).
 */
export function sealedForClientRescore(
  p: Principal,
  s: Pick<EvaluationScope, 'rescoreSealedFor'>,
  e: Pick<EvaluationFacts, 'evaluatorId' | 'evaluatorLabel'>
): boolean {
  if (isAuthor(p, e)) return false;
  const audited = clientIdsAudited(p);
  return (s.rescoreSealedFor ?? []).some((c) => audited.includes(c));
}

export function canEvaluate(p: Principal, s: EvaluationScope): boolean {
  if (p.tenantId !== s.tenantId || p.kind === 'token') return false;
  if (hasRole(p, 'admin') || hasRole(p, 'qa_analyst')) return true;
  return (s.agentTeamId != null && teamIdsLedBy(p).includes(s.agentTeamId)) || isAssignedLead(p, s);
}

/** A draft belongs to the evaluator who started it (admins excepted); submitted ones to every evaluator. */
export function canChangeEvaluation(p: Principal, s: EvaluationScope, e: EvaluationFacts): boolean {
  if (isSealedFrom(p, e)) return false;
  if (sealedForClientRescore(p, s, e)) return false;
  // Changed through its own instrument only (a calibration score: the calibration verbs, which know the reveal).
  if (KIND_TRAITS[e.kind].ownVerbs) return false;
  if (!canEvaluate(p, s)) return false;
  if (e.status === 'submitted' || hasRole(p, 'admin')) return true;
  return isAuthor(p, e);
}

/** The evaluated agent itself (holds the agent role and is the person). */
const isEvaluatedAgent = (p: Principal, s: EvaluationScope) => hasRole(p, 'agent') && p.personId != null && p.personId === s.agentId;

export function canReadEvaluation(p: Principal, s: EvaluationScope, e: EvaluationFacts): boolean {
  if (p.tenantId !== s.tenantId) return false;
  if (isSealedFrom(p, e)) return false;
  if (sealedForClientRescore(p, s, e)) return false;
  if (canEvaluate(p, s)) return true;
  if (e.status !== 'submitted') return false;
  if (isEvaluatedAgent(p, s) && visibleToAgent(e.kind)) return true;
  return clientIdsAudited(p).includes(s.clientId) && visibleToClient(e.kind);
}

/**
 * The evaluated agent may dispute items of a submitted evaluation of a disputable kind (the verb adds the
 * dispute window and the "each item once" rule).
 */
export function canDisputeEvaluation(p: Principal, s: EvaluationScope, e: EvaluationFacts): boolean {
  return (
    p.tenantId === s.tenantId && isEvaluatedAgent(p, s) && e.status === 'submitted' && isDisputable(e.kind) && canReadEvaluation(p, s, e)
  );
}

/**
 * Which evaluations a principal may list, as a description the query turns into SQL.
 * `all`: the whole tenant (drafts included). Otherwise: every evaluation of the led teams' agents and
 * of the calls a sample assigned to the principal, and
 * the submitted ones of the audited clients (of the kinds a client may see) and of the principal itself
 * as agent (of the kinds an agent may see). The list applies `evaluationSeal` on top, for everyone.
 */
export type EvaluationVisibility =
  | { all: true }
  | {
      all: false;
      teamIds: number[];
      submittedClientIds: number[];
      clientKinds: EvaluationKind[];
      submittedAgentIds: number[];
      agentKinds: EvaluationKind[];
      assignedToPersonId: number | null;
    };

export function evaluationVisibility(p: Principal): EvaluationVisibility {
  if (p.kind !== 'token' && (hasRole(p, 'admin') || hasRole(p, 'qa_analyst'))) return { all: true };
  return {
    all: false,
    teamIds: p.kind === 'token' ? [] : teamIdsLedBy(p),
    submittedClientIds: clientIdsAudited(p),
    clientKinds: CLIENT_VISIBLE_KINDS,
    submittedAgentIds: hasRole(p, 'agent') && p.personId != null ? [p.personId] : [],
    agentKinds: AGENT_VISIBLE_KINDS,
    assignedToPersonId: p.kind === 'user' && hasRole(p, 'team_lead') && p.personId != null ? p.personId : null
  };
}
