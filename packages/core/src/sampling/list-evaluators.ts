import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { schema } from '@attentive/db';
import type { Ctx } from '../context.ts';
import { forbidden } from '../errors.ts';
import { canManageSampling, hasWorkQueue } from '../policy/sampling.ts';

/** Evaluators an item can be handed to (for reassignment): team leads, QA analysts and admins with a person record. */
export async function listEvaluators({ ctx }: { ctx: Ctx }) {
  const p = ctx.principal;
  if (!canManageSampling(p) && !hasWorkQueue(p)) throw forbidden('Only evaluators see the list of evaluators');
  const rows = await ctx.db
    .select({
      personId: schema.people.id,
      name: schema.people.name,
      role: schema.roleAssignments.role,
      teamId: schema.roleAssignments.teamId
    })
    .from(schema.roleAssignments)
    .innerJoin(schema.people, eq(schema.people.id, schema.roleAssignments.personId))
    .where(
      and(
        eq(schema.roleAssignments.tenantId, p.tenantId),
        inArray(schema.roleAssignments.role, ['team_lead', 'qa_analyst', 'admin']),
        sql`${schema.people.leftDate} is null`
      )
    )
    .orderBy(asc(schema.people.name));
  const out = new Map<number, { personId: number; name: string; roles: string[]; teamIds: number[] }>();
  for (const r of rows) {
    const e = out.get(r.personId) ?? { personId: r.personId, name: r.name, roles: [], teamIds: [] };
    if (!e.roles.includes(r.role)) e.roles.push(r.role);
    if (r.teamId != null) e.teamIds.push(r.teamId);
    out.set(r.personId, e);
  }
  return [...out.values()];
}
