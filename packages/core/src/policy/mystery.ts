import { type Principal, clientIdsAudited, hasRole } from './principal.ts';

/**
 * Who may do what with mystery calls. One module, used by every mystery verb and by capabilitiesOf.
 * - Admins and QA analysts keep the scenario library, plan months, assign shoppers, read every mystery call
 *   and match it to an agent.
 * - A mystery shopper (often of an outside agency) sees only its own assignments and the scenario of each
 *   (story, question, right answer, opportunity), records its calls, and sees nothing else: no real calls,
 *   no agents' scores, no other shopper's work. Another shopper's assignment does not exist for it (NOT_FOUND).
 * - Reachability and scenario results (program-level figures, no agent's score): admins, QA analysts and
 *   team leads for every program; client auditors for their own clients' programs only.
 * API tokens do none of this.
 */
export const canManageMystery = (p: Principal) => p.kind !== 'token' && (hasRole(p, 'admin') || hasRole(p, 'qa_analyst'));

/** A mystery shopper with a person record (assignments are made to people). */
export const isMysteryShopper = (p: Principal) => p.kind !== 'token' && p.personId != null && hasRole(p, 'mystery_shopper');

/** Working (reading, recording) one assignment: its own shopper; managers read every assignment. */
export function canWorkAssignment(p: Principal, a: { tenantId: number; shopperId: number }): boolean {
  if (p.tenantId !== a.tenantId || p.kind === 'token') return false;
  return isMysteryShopper(p) && a.shopperId === p.personId;
}

export function canReadAssignment(p: Principal, a: { tenantId: number; shopperId: number }): boolean {
  if (p.tenantId !== a.tenantId) return false;
  return canManageMystery(p) || canWorkAssignment(p, a);
}

/** Reading reachability and scenario results at all (the screen); which programs: `reachabilityClientIds`. */
export const canReadReachability = (p: Principal) =>
  p.kind !== 'token' && (canManageMystery(p) || hasRole(p, 'team_lead') || clientIdsAudited(p).length > 0);

/** The clients whose programs' reachability a principal may read: 'all', or a list (client auditors). */
export function reachabilityClientIds(p: Principal): 'all' | number[] {
  if (p.kind === 'token') return [];
  if (canManageMystery(p) || hasRole(p, 'team_lead')) return 'all';
  return clientIdsAudited(p);
}

/** Reading reachability of one program (of client `clientId`). */
export function canReadProgramReachability(p: Principal, program: { tenantId: number; clientId: number }): boolean {
  if (p.tenantId !== program.tenantId) return false;
  const ids = reachabilityClientIds(p);
  return ids === 'all' || ids.includes(program.clientId);
}

// The scenario library (issue 13, scenarios): managers keep it; client auditors read their own clients' programs'
// scenarios (what their contact center is tested on), read-only. Shoppers see a scenario only through an assignment.

/** The clients whose programs' scenario library a principal may read: 'all', or a list (client auditors). */
export function scenarioClientIds(p: Principal): 'all' | number[] {
  if (p.kind === 'token') return [];
  if (canManageMystery(p)) return 'all';
  return clientIdsAudited(p);
}

/** Reading the scenario library at all (the screen); which programs: `scenarioClientIds`. */
export const canReadScenarios = (p: Principal) => {
  const ids = scenarioClientIds(p);
  return ids === 'all' || ids.length > 0;
};

/** Reading the scenarios of one program (of client `clientId`). */
export function canReadProgramScenarios(p: Principal, program: { tenantId: number; clientId: number }): boolean {
  if (p.tenantId !== program.tenantId) return false;
  const ids = scenarioClientIds(p);
  return ids === 'all' || ids.includes(program.clientId);
}
