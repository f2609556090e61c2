import { type Principal, hasRole, teamIdsLedBy } from './principal.ts';

/**
 * Who may see and act on an agent's feedback and coaching: disputes, acknowledgements, self-evaluations,
 * coaching sessions and aggregates.
 * - Coaches: admins and QA analysts anywhere in the tenant; team leads for the agents of their teams.
 * - The agent itself: its own (submitted) evaluations, disputes, sessions and aggregates.
 * - Nobody else (client auditors and API tokens see no coaching data).
 */
export type AgentScope = { tenantId: number; agentId: number; agentTeamId: number | null };

export function canCoach(p: Principal, s: AgentScope): boolean {
  if (p.tenantId !== s.tenantId || p.kind === 'token') return false;
  if (hasRole(p, 'admin') || hasRole(p, 'qa_analyst')) return true;
  return s.agentTeamId != null && teamIdsLedBy(p).includes(s.agentTeamId);
}

/** The principal is this agent (holds the agent role and is the person). */
export function isAgentSelf(p: Principal, s: AgentScope): boolean {
  return p.tenantId === s.tenantId && p.kind === 'user' && hasRole(p, 'agent') && p.personId != null && p.personId === s.agentId;
}

export function canReadCoaching(p: Principal, s: AgentScope): boolean {
  return canCoach(p, s) || isAgentSelf(p, s);
}

/** Disputes are resolved by the agent's coaches, never by the agent itself. */
export function canResolveDispute(p: Principal, s: AgentScope): boolean {
  return canCoach(p, s) && !(p.personId != null && p.personId === s.agentId);
}

/**
 * Which agents' coaching data a principal may list, for the SQL filter:
 * `all` (tenant), or the led teams plus the principal itself as agent.
 */
export type CoachingVisibility = { all: true } | { all: false; teamIds: number[]; agentIds: number[] };

export function coachingVisibility(p: Principal): CoachingVisibility {
  if (p.kind === 'token') return { all: false, teamIds: [], agentIds: [] };
  if (hasRole(p, 'admin') || hasRole(p, 'qa_analyst')) return { all: true };
  return { all: false, teamIds: teamIdsLedBy(p), agentIds: hasRole(p, 'agent') && p.personId != null ? [p.personId] : [] };
}

/** Only coaches (leads, QA, admins) see the coaching queue and the team lists. */
export function canSeeCoachingQueue(p: Principal): boolean {
  if (p.kind === 'token') return false;
  return hasRole(p, 'admin') || hasRole(p, 'qa_analyst') || teamIdsLedBy(p).length > 0;
}
