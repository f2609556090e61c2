import { type Principal, clientIdsAudited, hasRole, teamIdsLedBy } from './principal.ts';

/** Where a call (and everything about it: recording, transcript, evaluations) belongs. */
export type CallScope = { tenantId: number; programId: number; clientId: number; agentId: number; agentTeamId: number | null };

/**
 * Which calls a principal may see, as a description the data layer turns into SQL.
 * `all`: the whole tenant. Otherwise the union of the listed teams' agents, clients and agents.
 */
export type CallVisibility =
  | { all: true }
  | { all: false; teamIds: number[]; clientIds: number[]; programIds: number[]; agentIds: number[] };

export function callVisibility(p: Principal): CallVisibility {
  if (hasRole(p, 'admin') || hasRole(p, 'qa_analyst')) return { all: true };
  return {
    all: false,
    teamIds: teamIdsLedBy(p),
    clientIds: [
      ...clientIdsAudited(p),
      ...p.grants.filter((g) => g.role === 'integration' && g.clientId != null).map((g) => g.clientId!)
    ],
    programIds: p.grants.filter((g) => g.role === 'integration' && g.programId != null).map((g) => g.programId!),
    agentIds: hasRole(p, 'agent') && p.personId != null ? [p.personId] : []
  };
}

export function canReadCall(p: Principal, call: CallScope): boolean {
  if (p.tenantId !== call.tenantId) return false;
  const v = callVisibility(p);
  if (v.all) return true;
  return (
    (call.agentTeamId != null && v.teamIds.includes(call.agentTeamId)) ||
    v.clientIds.includes(call.clientId) ||
    v.programIds.includes(call.programId) ||
    v.agentIds.includes(call.agentId)
  );
}

/** Importing call records: admins, and integration tokens for their own program or client. */
export function canImportCalls(p: Principal, target?: { programId: number; clientId: number }): boolean {
  if (hasRole(p, 'admin')) return true;
  if (!target) return p.grants.some((g) => g.role === 'integration');
  return p.grants.some(
    (g) => g.role === 'integration' && (g.programId === target.programId || g.clientId === target.clientId)
  );
}
