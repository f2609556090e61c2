import { type Principal, clientIdsAudited, hasRole } from './principal.ts';

/**
 * Who may do what in the client's audit (docs/client-audit.md). One module, used by the portal, contract,
 * report and re-score verbs and by capabilitiesOf.
 * - The portal, the contract terms and the monthly reports: a client auditor for its own clients' programs
 *   only (another client's program does not exist for it: NOT_FOUND); an admin for every client (to see what
 *   the client sees, and to enter the terms). QA analysts and team leads have their own screens.
 * - Contract terms are entered and ended by admins only; every change is audited.
 * - A blind re-score is requested and scored by the client's auditors only: the contact center never scores
 *   as the client. While a drawn item is unscored, the contact center's evaluations of its call are sealed
 *   from the client's auditors (policy/evaluations.ts).
 * API tokens do none of this.
 */

/** The clients whose portal a principal may read: 'all' (admins) or a list (its audited clients). */
export function portalClientIds(p: Principal): 'all' | number[] {
  if (p.kind === 'token') return [];
  if (hasRole(p, 'admin')) return 'all';
  return clientIdsAudited(p);
}

export const canReadClientPortal = (p: Principal) => {
  const ids = portalClientIds(p);
  return ids === 'all' || ids.length > 0;
};

/** Reading one client's portal, terms and reports. */
export function canReadClient(p: Principal, c: { tenantId: number; clientId: number }): boolean {
  if (p.tenantId !== c.tenantId) return false;
  const ids = portalClientIds(p);
  return ids === 'all' || ids.includes(c.clientId);
}

/** Entering and ending contract terms. */
export const canManageContracts = (p: Principal) => p.kind === 'user' && hasRole(p, 'admin');

/** Requesting and scoring a blind re-score for a client: that client's own auditors (people), nobody else. */
export function canRescoreFor(p: Principal, c: { tenantId: number; clientId: number }): boolean {
  return p.kind === 'user' && p.personId != null && p.tenantId === c.tenantId && clientIdsAudited(p).includes(c.clientId);
}

/** Any re-score at all (the screen). */
export const canRescore = (p: Principal) => p.kind === 'user' && p.personId != null && clientIdsAudited(p).length > 0;

/**
 * Reading a re-score (its draw, progress, verification and comparison): the client's auditors, and the contact
 * center's admins and QA analysts (they should see the outcome). Never anyone's draft score: the evaluation seal
 * keeps a client_rescore draft its author's (evaluations/kinds.ts).
 */
export function canReadRescore(p: Principal, c: { tenantId: number; clientId: number }): boolean {
  if (p.tenantId !== c.tenantId || p.kind !== 'user') return false;
  return canRescoreFor(p, c) || hasRole(p, 'admin') || hasRole(p, 'qa_analyst');
}
