import { and, eq, sql } from 'drizzle-orm';
import { schema } from '@attentive/db';
import { ROLES, type Role } from '@attentive/shared';
import { nowOf, type Ctx } from '../context.ts';
import { conflict, forbidden, invalid } from '../errors.ts';
import { canAdminister } from '../policy/admin.ts';
import { writeAudit } from '../audit/write-audit.ts';
import { findInTenant } from './scoped.ts';

/** Which scope each role takes when given to a person (integration is for API tokens only). */
export const ROLE_SCOPE: Record<Role, 'none' | 'team' | 'client' | null> = {
  admin: 'none',
  qa_analyst: 'none',
  team_lead: 'team',
  agent: 'none',
  client_auditor: 'client',
  mystery_shopper: 'none',
  survey_caller: 'none',
  integration: null
};

export type RoleInput = { role: string; teamId?: number | null; clientId?: number | null; programId?: number | null };

/** Gives a person a role, scoped as the role needs (a team for a lead, a client for an auditor). */
export async function assignRole({ ctx, input }: { ctx: Ctx; input: RoleInput & { personId: number } }) {
  if (!canAdminister(ctx.principal)) throw forbidden('Only an admin may assign roles');
  if (!(ROLES as readonly string[]).includes(input.role))
    throw invalid(`role: "${input.role}" is not one of ${ROLES.join(', ')}`, [{ path: 'role', message: 'unknown role' }]);
  const role = input.role as Role;
  const scope = ROLE_SCOPE[role];
  if (scope === null)
    throw invalid('role: integration is held by API tokens, not by people', [{ path: 'role', message: 'not assignable' }]);
  const teamId = input.teamId ?? null;
  const clientId = input.clientId ?? null;
  if (input.programId != null)
    throw invalid('programId: roles of people are not scoped to a program', [{ path: 'programId', message: 'not allowed' }]);
  if (scope === 'team' && teamId == null)
    throw invalid(`teamId: a ${role} needs the team it leads`, [{ path: 'teamId', message: 'required' }]);
  if (scope === 'client' && clientId == null)
    throw invalid(`clientId: a ${role} needs the client it audits`, [{ path: 'clientId', message: 'required' }]);
  if (scope !== 'team' && teamId != null)
    throw invalid(`teamId: a ${role} is not scoped to a team`, [{ path: 'teamId', message: 'not allowed' }]);
  if (scope !== 'client' && clientId != null)
    throw invalid(`clientId: a ${role} is not scoped to a client`, [{ path: 'clientId', message: 'not allowed' }]);
  const tenantId = ctx.principal.tenantId;
  return ctx.db.transaction(async (tx) => {
    const person = await findInTenant(tx, schema.people, tenantId, input.personId, 'Person');
    if (teamId != null) await findInTenant(tx, schema.teams, tenantId, teamId, 'Team');
    if (clientId != null) await findInTenant(tx, schema.clients, tenantId, clientId, 'Client');
    const ra = schema.roleAssignments;
    const dup = await tx
      .select({ id: ra.id })
      .from(ra)
      .where(and(eq(ra.personId, person.id), eq(ra.role, role), sql`${ra.teamId} is ${teamId}`, sql`${ra.clientId} is ${clientId}`))
      .limit(1);
    if (dup.length) throw conflict(`${person.name} already holds ${role} with this scope`);
    const [row] = await tx.insert(ra).values({ tenantId, personId: person.id, role, teamId, clientId }).returning();
    await writeAudit(
      tx,
      { principal: ctx.principal, requestId: ctx.requestId },
      { action: 'role.assign', objectType: 'person', objectId: person.id, after: { assignmentId: row!.id, role, teamId, clientId } },
      nowOf(ctx)
    );
    return row!;
  });
}
