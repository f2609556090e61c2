import { type Principal, clientIdsAudited, hasRole, teamIdsLedBy } from './principal.ts';

/**
 * Who may do what with random sampling. One module, used by every sampling verb.
 * - Admins and QA analysts manage plans, run them, replace items and assign work.
 * - Team leads see and work their own queue (and hand items of their teams on).
 * - Client auditors read and verify runs of their own clients' programs, and may order an audit
 *   sample with a seed of their own; other runs do not exist for them (NOT_FOUND, not FORBIDDEN).
 * API tokens do none of this.
 */
export const canManageSampling = (p: Principal) => p.kind !== 'token' && (hasRole(p, 'admin') || hasRole(p, 'qa_analyst'));

/** Reading and verifying a run of a program of `clientId`. */
export function canReadSampleRun(p: Principal, run: { tenantId: number; clientId: number }): boolean {
  if (p.tenantId !== run.tenantId || p.kind === 'token') return false;
  return canManageSampling(p) || clientIdsAudited(p).includes(run.clientId);
}

/** Ordering a client audit sample (with a client-supplied seed) for a program of `clientId`. */
export function canOrderAuditSample(p: Principal, program: { tenantId: number; clientId: number }): boolean {
  return canReadSampleRun(p, program);
}

/** Having a work queue: evaluators (team leads, QA analysts, admins) with a person record. */
export const hasWorkQueue = (p: Principal) =>
  p.kind !== 'token' && p.personId != null && (hasRole(p, 'team_lead') || hasRole(p, 'qa_analyst') || hasRole(p, 'admin'));

/**
 * Reassigning a sampled call: admins and QA analysts any item (QA analysts may take any); a team lead
 * an item assigned to itself or of an agent of its teams.
 */
export function canReassignItem(p: Principal, item: { tenantId: number; assignedTo: number | null; agentTeamId: number | null }): boolean {
  if (p.tenantId !== item.tenantId || p.kind === 'token') return false;
  if (canManageSampling(p)) return true;
  if (!hasRole(p, 'team_lead')) return false;
  return (p.personId != null && item.assignedTo === p.personId) || (item.agentTeamId != null && teamIdsLedBy(p).includes(item.agentTeamId));
}
