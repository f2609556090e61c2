import { and, asc, eq, inArray, or } from 'drizzle-orm';
import { schema } from '@attentive/db';
import type { Ctx } from '../context.ts';
import { programVisibility } from '../policy/admin.ts';

/** The programs (with their client) the principal may know about: everything for staff, its own client's for an auditor. */
export async function listMyPrograms({ ctx }: { ctx: Ctx }) {
  const v = programVisibility(ctx.principal);
  const p = schema.programs;
  const scope = v.all
    ? undefined
    : v.clientIds.length || v.programIds.length
      ? or(v.clientIds.length ? inArray(p.clientId, v.clientIds) : undefined, v.programIds.length ? inArray(p.id, v.programIds) : undefined)
      : null;
  if (scope === null) return [];
  return ctx.db
    .select({
      id: p.id,
      code: p.code,
      name: p.name,
      clientId: p.clientId,
      clientCode: schema.clients.code,
      clientName: schema.clients.name
    })
    .from(p)
    .innerJoin(schema.clients, eq(schema.clients.id, p.clientId))
    .where(and(eq(p.tenantId, ctx.principal.tenantId), scope))
    .orderBy(asc(schema.clients.code), asc(p.code));
}
