import { type Principal, clientIdsAudited, hasRole, teamIdsLedBy } from './principal.ts';

/**
 * Where a call (and everything about it: recording, transcript, evaluations) belongs. `assignedTo`:
 * the evaluators a sample assigned it to (items not replaced) — a cross-team assignment lets a team
 * lead score one call of another team, and only that call.
 */
export type CallScope = {
  tenantId: number;
  programId: number;
  clientId: number;
  agentId: number;
  agentTeamId: number | null;
  assignedTo?: readonly number[];
  /** The participants of calibration sessions that include this call: they may read it (to score it), and only it. */
  calibrationParticipants?: readonly number[];
  /** The clients with a blind re-score item of this call not yet scored (client_rescore_items.scored_at null): the
   *  contact center's evaluations of the call are sealed from those clients' auditors (sealedForClientRescore). */
  rescoreSealedFor?: readonly number[];
};

/** A participant of a calibration session with this call (any role that may take part: lead, QA, client auditor). */
export function isCalibrationParticipant(p: Principal, call: Pick<CallScope, 'calibrationParticipants'>): boolean {
  return p.kind === 'user' && p.personId != null && (call.calibrationParticipants?.includes(p.personId) ?? false);
}

/** A team lead to whom a sample assigned this call (cross-team assignment). */
export function isAssignedLead(p: Principal, call: Pick<CallScope, 'assignedTo'>): boolean {
  return p.kind === 'user' && p.personId != null && hasRole(p, 'team_lead') && (call.assignedTo?.includes(p.personId) ?? false);
}

/**
 * Which calls a principal may see, as a description the data layer turns into SQL.
 * `all`: the whole tenant. Otherwise the union of the listed teams' agents, clients and agents.
 */
export type CallVisibility =
  | { all: true }
  | { all: false; teamIds: number[]; clientIds: number[]; programIds: number[]; agentIds: number[]; assignedToPersonId: number | null };

export function callVisibility(p: Principal): CallVisibility {
  if (hasRole(p, 'admin') || hasRole(p, 'qa_analyst')) return { all: true };
  return {
    all: false,
    teamIds: teamIdsLedBy(p),
    clientIds: [...clientIdsAudited(p), ...p.grants.filter((g) => g.role === 'integration' && g.clientId != null).map((g) => g.clientId!)],
    programIds: p.grants.filter((g) => g.role === 'integration' && g.programId != null).map((g) => g.programId!),
    agentIds: hasRole(p, 'agent') && p.personId != null ? [p.personId] : [],
    // …and the calls a sample assigned to this team lead.
    assignedToPersonId: p.kind === 'user' && hasRole(p, 'team_lead') && p.personId != null ? p.personId : null
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
    v.agentIds.includes(call.agentId) ||
    isAssignedLead(p, call) ||
    isCalibrationParticipant(p, call)
  );
}

/** Importing call records: admins, and integration tokens for their own program or client. */
export function canImportCalls(p: Principal, target?: { programId: number; clientId: number }): boolean {
  if (hasRole(p, 'admin')) return true;
  if (!target) return p.grants.some((g) => g.role === 'integration');
  return p.grants.some((g) => g.role === 'integration' && (g.programId === target.programId || g.clientId === target.clientId));
}
