// app first: @hono/zod-openapi must extend zod before shared schemas are built
import { createApp } from '../src/app.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { createTestDb } from '@attentive/db/testing';
import { createFixtureOrg, type FixtureOrg } from '@attentive/db/fixtures';
import { schema } from '@attentive/db';
import { loadEnv } from '../src/env.ts';
import { signInAs } from './support/auth.ts';

let t: Awaited<ReturnType<typeof createTestDb>>;
let app: ReturnType<typeof createApp>;
beforeAll(async () => {
  t = await createTestDb();
  app = createApp({ db: t.db, env: loadEnv({ NODE_ENV: 'test' }) });
});
afterAll(() => t.cleanup());

/** A fresh tenant with one signed-in admin. */
async function tenantWithAdmin() {
  const org: FixtureOrg = await createFixtureOrg(t.db);
  const admin = await signInAs(app, t.db, { tenantId: org.tenantId, grants: [{ role: 'admin' }], name: 'First Admin' });
  const call = (method: string, path: string, body?: unknown) =>
    app.request(path, {
      method,
      headers: { ...admin.headers, ...(body ? { 'content-type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined
    });
  const adminRoleOf = async (personId: number) =>
    (
      await t.db
        .select()
        .from(schema.roleAssignments)
        .where(and(eq(schema.roleAssignments.personId, personId), eq(schema.roleAssignments.role, 'admin')))
    )[0];
  return { org, admin, call, adminRoleOf };
}

describe('the tenant never loses its last admin', () => {
  it('refuses removing the only admin role, even when confirmed, and changes nothing', async () => {
    const { admin, call, adminRoleOf } = await tenantWithAdmin();
    const role = (await adminRoleOf(admin.personId))!;
    for (const q of ['', '?confirmOwnAdmin=true']) {
      const res = await call('DELETE', `/api/admin/role-assignments/${role.id}${q}`);
      expect(res.status).toBe(409);
      expect((await res.json()).error.message).toMatch(/last admin/);
    }
    expect(await adminRoleOf(admin.personId)).toBeTruthy();
    expect((await call('GET', '/api/admin/teams')).status).toBe(200);
  });

  it('does not count an admin without a sign-in account, or one who is leaving, as the remaining admin', async () => {
    const { org, admin, call, adminRoleOf } = await tenantWithAdmin();
    // another admin on paper only: a person without an account
    const [paper] = await t.db.insert(schema.people).values({ tenantId: org.tenantId, code: 'PAPER', name: 'Paper Admin' }).returning();
    expect((await call('POST', `/api/admin/people/${paper!.id}/roles`, { role: 'admin' })).status).toBe(201);
    // and one who has an account but leaves
    const leaving = await signInAs(app, t.db, { tenantId: org.tenantId, grants: [{ role: 'admin' }], name: 'Leaving Admin' });
    await t.db.update(schema.people).set({ leftDate: '2030-01-01' }).where(eq(schema.people.id, leaving.personId));
    const res = await call('DELETE', `/api/admin/role-assignments/${(await adminRoleOf(admin.personId))!.id}?confirmOwnAdmin=true`);
    expect(res.status).toBe(409);
    expect(await adminRoleOf(admin.personId)).toBeTruthy();
  });

  it('asks for confirmation before an admin removes its own admin role, then removes it', async () => {
    const { org, admin, call, adminRoleOf } = await tenantWithAdmin();
    await signInAs(app, t.db, { tenantId: org.tenantId, grants: [{ role: 'admin' }], name: 'Second Admin' });
    const role = (await adminRoleOf(admin.personId))!;
    const unconfirmed = await call('DELETE', `/api/admin/role-assignments/${role.id}`);
    expect(unconfirmed.status).toBe(409);
    expect((await unconfirmed.json()).error.message).toMatch(/your own admin role.*confirmOwnAdmin=true/);
    expect(await adminRoleOf(admin.personId), 'nothing changed').toBeTruthy();
    expect((await call('DELETE', `/api/admin/role-assignments/${role.id}?confirmOwnAdmin=true`)).status).toBe(200);
    expect(await adminRoleOf(admin.personId)).toBeUndefined();
    expect((await call('GET', '/api/admin/teams')).status).toBe(403);
  });

  it("removes another admin's role without confirmation while an admin remains", async () => {
    const { org, call, adminRoleOf } = await tenantWithAdmin();
    const second = await signInAs(app, t.db, { tenantId: org.tenantId, grants: [{ role: 'admin' }], name: 'Second Admin' });
    expect((await call('DELETE', `/api/admin/role-assignments/${(await adminRoleOf(second.personId))!.id}`)).status).toBe(200);
  });

  it('refuses a leaving date for the last admin (deactivating it), also for itself', async () => {
    const { admin, call } = await tenantWithAdmin();
    const res = await call('PATCH', `/api/admin/people/${admin.personId}`, { leftDate: '2026-12-31' });
    expect(res.status).toBe(409);
    expect((await res.json()).error.message).toMatch(/last admin/);
    const [p] = await t.db.select().from(schema.people).where(eq(schema.people.id, admin.personId));
    expect(p!.leftDate).toBeNull();
  });

  it('lets an admin leave when another admin stays', async () => {
    const { org, admin, call } = await tenantWithAdmin();
    await signInAs(app, t.db, { tenantId: org.tenantId, grants: [{ role: 'admin' }], name: 'Staying Admin' });
    expect((await call('PATCH', `/api/admin/people/${admin.personId}`, { leftDate: '2026-12-31' })).status).toBe(200);
  });
});
