import { and, asc, eq, inArray, like, or, sql } from 'drizzle-orm';
import { schema, type DbOrTx } from '@attentive/db';
import { nowOf, type Ctx } from '../context.ts';
import { conflict, forbidden, invalid } from '../errors.ts';
import { canAdminister, canReadOrg } from '../policy/admin.ts';
import { writeAudit } from '../audit/write-audit.ts';
import { findInTenant } from '../access/scoped.ts';
import { assertKeepsAnAdmin, isAdmin } from '../access/admins.ts';
import { changesNothing } from './org-units.ts';

/** People of the tenant, with their team, roles and sign-in account (admin screens). */

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const CODE = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,39}$/;

export type PersonInput = {
  code?: string;
  name?: string;
  email?: string | null;
  teamId?: number | null;
  hireDate?: string | null;
  leftDate?: string | null;
};

function check(input: PersonInput) {
  if (input.code !== undefined && !CODE.test(input.code))
    throw invalid(`code: "${input.code}" must be 1-40 letters, digits, '-', '_' or '.'`, [{ path: 'code', message: 'invalid code' }]);
  if (input.name !== undefined && !input.name.trim()) throw invalid('name: required', [{ path: 'name', message: 'required' }]);
  for (const k of ['hireDate', 'leftDate'] as const) {
    const v = input[k];
    if (v != null && (!DATE.test(v) || Number.isNaN(Date.parse(v))))
      throw invalid(`${k}: "${v}" is not a date as YYYY-MM-DD`, [{ path: k, message: 'expected YYYY-MM-DD' }]);
  }
  if (input.email != null && input.email !== '' && !/^[^\s@]+@[^\s@]+$/.test(input.email))
    throw invalid(`email: "${input.email}" is not an e-mail address`, [{ path: 'email', message: 'invalid e-mail' }]);
}

export async function rolesOf(db: DbOrTx, personIds: number[]) {
  if (personIds.length === 0) return new Map<number, (typeof schema.roleAssignments.$inferSelect)[]>();
  const rows = await db
    .select()
    .from(schema.roleAssignments)
    .where(inArray(schema.roleAssignments.personId, personIds))
    .orderBy(asc(schema.roleAssignments.id));
  const byPerson = new Map<number, typeof rows>();
  for (const r of rows) byPerson.set(r.personId, [...(byPerson.get(r.personId) ?? []), r]);
  return byPerson;
}

export async function listPeople(ctx: Ctx, q: { search?: string; teamId?: number; role?: string; limit?: number; offset?: number } = {}) {
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

export const roleView = (r: typeof schema.roleAssignments.$inferSelect) => ({
  id: r.id,
  role: r.role,
  teamId: r.teamId,
  clientId: r.clientId,
  programId: r.programId
});

export async function getPerson(ctx: Ctx, id: number) {
  if (!canReadOrg(ctx.principal)) throw forbidden('Only admins and QA analysts may see people records');
  const p = await findInTenant(ctx.db, schema.people, ctx.principal.tenantId, id, 'Person');
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

const personAudit = (p: typeof schema.people.$inferSelect) => ({
  code: p.code,
  name: p.name,
  teamId: p.teamId,
  hireDate: p.hireDate,
  leftDate: p.leftDate
});

export async function savePerson(ctx: Ctx, input: PersonInput & { id?: number }) {
  if (!canAdminister(ctx.principal)) throw forbidden('Only an admin may change people records');
  check(input);
  const tenantId = ctx.principal.tenantId;
  return ctx.db.transaction(async (tx) => {
    const before = input.id != null ? await findInTenant(tx, schema.people, tenantId, input.id, 'Person') : null;
    if (input.teamId != null) await findInTenant(tx, schema.teams, tenantId, input.teamId, 'Team');
    if (input.code) {
      const clash = await tx
        .select({ id: schema.people.id })
        .from(schema.people)
        .where(and(eq(schema.people.tenantId, tenantId), eq(schema.people.code, input.code)));
      if (clash.some((c) => c.id !== before?.id)) throw conflict(`A person with code ${input.code} already exists`);
    }
    const values = {
      ...(input.code !== undefined ? { code: input.code } : {}),
      ...(input.name !== undefined ? { name: input.name.trim() } : {}),
      ...(input.email !== undefined ? { email: input.email || null } : {}),
      ...(input.teamId !== undefined ? { teamId: input.teamId } : {}),
      ...(input.hireDate !== undefined ? { hireDate: input.hireDate } : {}),
      ...(input.leftDate !== undefined ? { leftDate: input.leftDate } : {})
    };
    let row;
    if (before) {
      if (changesNothing(before, values)) return before;
      [row] = await tx.update(schema.people).set(values).where(eq(schema.people.id, before.id)).returning();
    } else {
      if (!input.code || !input.name)
        throw invalid('code and name are required for a new person', [{ path: input.code ? 'name' : 'code', message: 'required' }]);
      [row] = await tx
        .insert(schema.people)
        .values({ tenantId, code: input.code, name: input.name.trim(), ...values })
        .returning();
    }
    // A leaving date on an admin (deactivating it) must leave another admin who can sign in.
    if (before && row!.leftDate != null && before.leftDate == null && (await isAdmin(tx, before.id)))
      await assertKeepsAnAdmin(tx, tenantId, `Setting a leaving date for ${before.name}`);
    await writeAudit(
      tx,
      { principal: ctx.principal, requestId: ctx.requestId },
      {
        action: before ? 'person.update' : 'person.create',
        objectType: 'person',
        objectId: row!.id,
        before: before ? personAudit(before) : undefined,
        after: personAudit(row!)
      },
      nowOf(ctx)
    );
    return row!;
  });
}
