import { eq } from 'drizzle-orm';
import { schema } from '@attentive/db';
import type { Ctx } from '../context.ts';
import { forbidden } from '../errors.ts';
import { canReadOrg } from '../policy/admin.ts';
import { findInTenant } from '../access/scoped.ts';
import { roleView, rolesOf } from './person-rules.ts';

/** One person with its sign-in account (if any) and roles. */
export async function getPerson({ ctx, input }: { ctx: Ctx; input: { personId: number } }) {
  if (!canReadOrg(ctx.principal)) throw forbidden('Only admins and QA analysts may see people records');
  const p = await findInTenant(ctx.db, schema.people, ctx.principal.tenantId, input.personId, 'Person');
  const account = p.userId
    ? ((await ctx.db.select({ email: schema.users.email }).from(schema.users).where(eq(schema.users.id, p.userId)))[0] ?? null)
    : null;
  const roles = (await rolesOf(ctx.db, [p.id])).get(p.id) ?? [];
  return {
    id: p.id,
    code: p.code,
    name: p.name,
    email: p.email,
    teamId: p.teamId,
    hireDate: p.hireDate,
    leftDate: p.leftDate,
    account,
    roles: roles.map(roleView)
  };
}
