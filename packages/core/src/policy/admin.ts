import { type Principal, hasRole } from './principal.ts';

/**
 * Running the contact center's set-up — people, teams, clients, programs, role assignments,
 * passwords and API tokens — is for admins only. API tokens never administer.
 */
export const canAdminister = (p: Principal) => p.kind !== 'token' && hasRole(p, 'admin');

/** Reading the roster (people, teams, clients, programs) without changing it. */
export const canReadOrg = (p: Principal) => p.kind !== 'token' && (hasRole(p, 'admin') || hasRole(p, 'qa_analyst'));

/** Which programs a principal may know exist (for pickers and the client auditor's home). */
export type ProgramVisibility = { all: true } | { all: false; clientIds: number[]; programIds: number[] };

export function programVisibility(p: Principal): ProgramVisibility {
  if (p.kind !== 'token' && p.grants.some((g) => g.role === 'admin' || g.role === 'qa_analyst' || g.role === 'team_lead'))
    return { all: true };
  return {
    all: false,
    clientIds: p.grants
      .filter((g) => (g.role === 'client_auditor' || g.role === 'integration') && g.clientId != null)
      .map((g) => g.clientId!),
    programIds: p.grants.filter((g) => g.role === 'integration' && g.programId != null).map((g) => g.programId!)
  };
}
