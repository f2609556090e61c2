import { and, asc, eq, like, or, sql } from 'drizzle-orm';
import { schema } from '@attentive/db';
import type { Ctx } from '../context.ts';
import { forbidden } from '../errors.ts';
import { canReadOrg } from '../policy/admin.ts';
import { roleView, rolesOf } from './person-rules.ts';

/** A page of the tenant's people (search by name, code or e-mail; by team; by role), each with its roles. */
export async function listPeople({
  ctx,
  input: q = {}
}: {
  ctx: Ctx;
  input?: { search?: string; teamId?: number; role?: string; limit?: number; offset?: number };
}) {
  if (!canReadOrg(ctx.principal)) throw forbidden('Only admins and QA analysts may list people');
  const t = schema.people;
  const conds = [eq(t.tenantId, ctx.principal.tenantId)];
  if (q.search?.trim()) {
    const s = `%${q.search.trim().replace(/[%_]/g, '')}%`;
    conds.push(or(like(t.name, s), like(t.code, s), like(t.email, s))!);
  }
  if (q.teamId != null) conds.push(eq(t.teamId, q.teamId));
  if (q.role) conds.push(sql`exists (select 1 from role_assignments ra where ra.person_id = ${t.id} and ra.role = ${q.role})`);
  const limit = Math.min(Math.max(q.limit ?? 100, 1), 500);
  const rows = await ctx.db
    .select({
      id: t.id,
      code: t.code,
      name: t.name,
      email: t.email,
      teamId: t.teamId,
      hireDate: t.hireDate,
      leftDate: t.leftDate,
      userId: t.userId,
      accountEmail: schema.users.email
    })
    .from(t)
    .leftJoin(schema.users, eq(schema.users.id, t.userId))
    .where(and(...conds))
    .orderBy(asc(t.code))
    .limit(limit + 1)
    .offset(q.offset ?? 0);
  const roles = await rolesOf(
    ctx.db,
    rows.slice(0, limit).map((r) => r.id)
  );
  return {
    items: rows
      .slice(0, limit)
      .map(({ userId, ...r }) => ({ ...r, hasAccount: userId != null, roles: (roles.get(r.id) ?? []).map(roleView) })),
    hasMore: rows.length > limit
  };
}
