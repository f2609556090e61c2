import { isAssignedLead, type CallScope } from './calls.ts';
import { type Principal, clientIdsAudited, hasRole, teamIdsLedBy } from './principal.ts';
import { CLIENT_VISIBLE_KINDS, visibleToClient, type EvaluationKind } from '../evaluations/kinds.ts';

/**
 * Who may score, change and read evaluations. One module, used by every evaluation verb and list.
 * - Evaluators: admins and QA analysts anywhere in the tenant; team leads for the agents of their teams
 *   and for the calls a sample assigned to them (cross-team assignment).
 * - Agents read their own submitted evaluations; client auditors (and client/program API tokens) read
 *   submitted evaluations of their clients' programs of the kinds the client may see (kinds.ts: never an
 *   agent's self-evaluation, which is coaching data). Neither creates nor changes one (self-scoring and client re-scoring come as their
 *   own instruments, with their own rules).
 */
export type EvaluationScope = CallScope;

export function canEvaluate(p: Principal, s: EvaluationScope): boolean {
  if (p.tenantId !== s.tenantId || p.kind === 'token') return false;
  if (hasRole(p, 'admin') || hasRole(p, 'qa_analyst')) return true;
  return (s.agentTeamId != null && teamIdsLedBy(p).includes(s.agentTeamId)) || isAssignedLead(p, s);
}

/** A draft belongs to the evaluator who started it (admins excepted); submitted ones to every evaluator. */
export function canChangeEvaluation(
  p: Principal,
  s: EvaluationScope,
  e: { status: 'draft' | 'submitted'; evaluatorId: number | null; evaluatorLabel: string }
): boolean {
  if (!canEvaluate(p, s)) return false;
  if (e.status === 'submitted' || hasRole(p, 'admin')) return true;
  return p.personId != null ? e.evaluatorId === p.personId : e.evaluatorLabel === p.label;
}

export function canReadEvaluation(p: Principal, s: EvaluationScope, e: { status: 'draft' | 'submitted'; kind: EvaluationKind }): boolean {
  if (p.tenantId !== s.tenantId) return false;
  if (canEvaluate(p, s)) return true;
  if (e.status !== 'submitted') return false;
  if (hasRole(p, 'agent') && p.personId != null && p.personId === s.agentId) return true;
  return clientIdsAudited(p).includes(s.clientId) && visibleToClient(e.kind);
}

/**
 * Which evaluations a principal may list, as a description the query turns into SQL.
 * `all`: the whole tenant (drafts included). Otherwise: every evaluation of the led teams' agents and
 * of the calls a sample assigned to the principal, and
 * the submitted ones of the audited clients (of the kinds a client may see) and of the principal itself (as agent).
 */
export type EvaluationVisibility =
  | { all: true }
  | { all: false; teamIds: number[]; submittedClientIds: number[]; clientKinds: EvaluationKind[]; submittedAgentIds: number[]; assignedToPersonId: number | null };

export function evaluationVisibility(p: Principal): EvaluationVisibility {
  if (p.kind !== 'token' && (hasRole(p, 'admin') || hasRole(p, 'qa_analyst'))) return { all: true };
  return {
    all: false,
    teamIds: p.kind === 'token' ? [] : teamIdsLedBy(p),
    submittedClientIds: clientIdsAudited(p),
    clientKinds: CLIENT_VISIBLE_KINDS,
    submittedAgentIds: hasRole(p, 'agent') && p.personId != null ? [p.personId] : [],
    assignedToPersonId: p.kind === 'user' && hasRole(p, 'team_lead') && p.personId != null ? p.personId : null
  };
}
