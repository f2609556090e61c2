import type { Role } from '@attentive/shared';

/**
 * A role held by a principal, with the scope it applies to:
 * team_lead → teamId; client_auditor → clientId; agent → the person itself;
 * integration (API tokens) → programId or clientId; admin and qa_analyst → the whole tenant.
 */
export type Grant = { role: Role; teamId?: number; clientId?: number; programId?: number };

/** Who asks. Built once per request (session cookie or API token) and passed to every verb. */
export type Principal = {
  kind: 'user' | 'token' | 'system';
  tenantId: number;
  /** Readable label for the audit trail: "user:ann@example.com", "token:7", "system:scheduler". */
  label: string;
  userId?: string;
  /** The person record of a signed-in user (agents act on their own data through it). */
  personId?: number;
  grants: Grant[];
};

export const hasRole = (p: Principal, role: Role) => p.grants.some((g) => g.role === role);

export const teamIdsLedBy = (p: Principal) => p.grants.filter((g) => g.role === 'team_lead' && g.teamId != null).map((g) => g.teamId!);

export const clientIdsAudited = (p: Principal) =>
  p.grants.filter((g) => g.role === 'client_auditor' && g.clientId != null).map((g) => g.clientId!);

export function systemPrincipal(tenantId: number, what: string): Principal {
  return { kind: 'system', tenantId, label: `system:${what}`, grants: [{ role: 'admin' }] };
}
