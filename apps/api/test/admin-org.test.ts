// app first: @hono/zod-openapi must extend zod before shared schemas are built
import { createApp } from '../src/app.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestDb } from '@attentive/db/testing';
import { createFixtureOrg, type FixtureOrg } from '@attentive/db/fixtures';
import { schema } from '@attentive/db';
import { loadEnv } from '../src/env.ts';
import { TEST_ORIGIN, signInAs, signInWithPassword, type SessionHeaders } from './support/auth.ts';

let t: Awaited<ReturnType<typeof createTestDb>>;
let app: ReturnType<typeof createApp>;
let org: FixtureOrg;
let admin: Awaited<ReturnType<typeof signInAs>>;
beforeAll(async () => {
  t = await createTestDb();
  app = createApp({ db: t.db, env: loadEnv({ NODE_ENV: 'test' }) });
  org = await createFixtureOrg(t.db);
  admin = await signInAs(app, t.db, { tenantId: org.tenantId, grants: [{ role: 'admin' }], name: 'Ada Admin' });
});
afterAll(() => t.cleanup());

const call = (method: string, path: string, body?: unknown, headers: SessionHeaders = admin.headers) =>
  app.request(path, {
    method,
    headers: { ...headers, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body)
  });
const auditOf = async (action: string) => t.db.select().from(schema.auditLog).where(eq(schema.auditLog.action, action));

describe('admin: people, roles, accounts', () => {
  it('creates a person, gives it an account and a role, and it can sign in with that role', async () => {
    const created = await call('POST', '/api/admin/people', {
      code: 'AG500',
      name: 'Nora New',
      teamId: org.teams.a.id,
      hireDate: '2026-11-01'
    });
    expect(created.status).toBe(201);
    const person = await created.json();
    expect(person).toMatchObject({ code: 'AG500', teamId: org.teams.a.id, account: null, roles: [] });
    expect(
      (await call('POST', `/api/admin/people/${person.id}/account`, { email: 'Nora@Example.test', password: 'first password!' })).status
    ).toBe(201);
    const role = await call('POST', `/api/admin/people/${person.id}/roles`, { role: 'team_lead', teamId: org.teams.b.id });
    expect(role.status).toBe(201);
    const headers = await signInWithPassword(app, 'nora@example.test', 'first password!');
    const me = await (await app.request('/api/me', { headers })).json();
    expect(me).toMatchObject({ name: 'Nora New', roles: ['team_lead'], grants: [{ role: 'team_lead', teamId: org.teams.b.id }] });
    const assigned = await auditOf('role.assign');
    expect(assigned.at(-1)).toMatchObject({ actorUserId: admin.userId, objectId: String(person.id), tenantId: org.tenantId });
    expect((await auditOf('account.create')).at(-1)!.after).not.toContain('password');
  });

  it('names the bad field and changes nothing', async () => {
    const before = await t.db.select().from(schema.people);
    const bad = await call('POST', '/api/admin/people', { code: 'has space', name: '' });
    expect(bad.status).toBe(400);
    const err = (await bad.json()).error;
    expect(err.message).toMatch(/code/);
    expect(err.details.map((d: { path: string }) => d.path)).toEqual(expect.arrayContaining(['code', 'name']));
    expect((await call('POST', `/api/admin/people/${org.agents.a1.id}/roles`, { role: 'team_lead' })).status).toBe(400);
    expect((await call('POST', `/api/admin/people/${org.agents.a1.id}/roles`, { role: 'integration' })).status).toBe(400);
    expect((await call('POST', `/api/admin/people/${org.agents.a1.id}/roles`, { role: 'agent', teamId: org.teams.a.id })).status).toBe(400);
    expect((await call('PATCH', `/api/admin/people/${org.agents.a1.id}`, { hireDate: '2026-13-45' })).status).toBe(400);
    expect(await t.db.select().from(schema.people)).toEqual(before);
  });

  it('refuses duplicates with 409', async () => {
    expect((await call('POST', '/api/admin/people', { code: 'A1', name: 'Dup' })).status).toBe(409);
    expect((await call('POST', '/api/admin/teams', { code: 'T1', name: 'Dup' })).status).toBe(409);
    expect((await call('POST', `/api/admin/people/${org.agents.a2.id}/roles`, { role: 'agent' })).status).toBe(201);
    expect((await call('POST', `/api/admin/people/${org.agents.a2.id}/roles`, { role: 'agent' })).status).toBe(409);
  });

  it('keeps the last admin', async () => {
    const person = await (await call('GET', `/api/admin/people/${admin.personId}`)).json();
    const res = await call('DELETE', `/api/admin/role-assignments/${person.roles[0].id}`);
    expect(res.status).toBe(409);
    expect((await res.json()).error.message).toMatch(/last admin/);
  });

  it('takes a role away at once: the next request no longer has it', async () => {
    const qa = await signInAs(app, t.db, { tenantId: org.tenantId, grants: [{ role: 'qa_analyst' }] });
    expect((await app.request('/api/admin/teams', { headers: qa.headers })).status).toBe(200);
    const p = await (await call('GET', `/api/admin/people/${qa.personId}`)).json();
    expect((await call('DELETE', `/api/admin/role-assignments/${p.roles[0].id}`)).status).toBe(200);
    expect((await app.request('/api/admin/teams', { headers: qa.headers })).status).toBe(403);
    expect((await auditOf('role.revoke')).length).toBeGreaterThan(0);
  });

  it('resets a password: old sessions end, the new password works, the old one not', async () => {
    const agent = await signInAs(app, t.db, { tenantId: org.tenantId, grants: [{ role: 'agent' }], personId: org.agents.b2.id });
    const res = await call('POST', `/api/admin/people/${agent.personId}/password`, { password: 'reset by the admin' });
    expect(res.status).toBe(200);
    expect((await res.json()).sessionsEnded).toBe(1);
    expect((await app.request('/api/me', { headers: agent.headers })).status).toBe(401);
    await expect(signInWithPassword(app, agent.email, 'correct horse battery staple')).rejects.toThrow(/401/);
    await signInWithPassword(app, agent.email, 'reset by the admin');
    expect((await auditOf('auth.password_reset')).at(-1)).toMatchObject({ objectId: String(agent.personId), actorUserId: admin.userId });
  });

  it('programs, clients and teams are kept per tenant', async () => {
    const other = await createFixtureOrg(t.db);
    expect((await call('POST', '/api/admin/programs', { code: 'NEW-P', name: 'New program', clientId: other.clients.a.id })).status).toBe(
      404
    );
    const ok = await call('POST', '/api/admin/programs', {
      code: 'NEW-P',
      name: 'New program',
      clientId: org.clients.a.id,
      disputeWindowDays: 10
    });
    expect(ok.status).toBe(201);
    const teams = await (await call('GET', '/api/admin/teams')).json();
    expect(teams.items.map((x: { id: number }) => x.id)).not.toContain(other.teams.a.id);
    expect((await call('PATCH', `/api/admin/teams/${other.teams.a.id}`, { name: 'Hijack' })).status).toBe(404);
    // the other tenant's admin sees only its own
    const otherAdmin = await signInAs(app, t.db, { tenantId: other.tenantId, grants: [{ role: 'admin' }] });
    const theirs = await (await app.request('/api/admin/programs', { headers: otherAdmin.headers })).json();
    expect(theirs.items.map((p: { code: string }) => p.code)).not.toContain('NEW-P');
  });

  it("a client's auditors see agents under a pseudonym when the admin says so: saved, audited, refused where it does not belong", async () => {
    const client = org.clients.a;
    const on = await call('PATCH', `/api/admin/clients/${client.id}`, { pseudonymiseAgents: true });
    expect(on.status).toBe(200);
    expect(await on.json()).toMatchObject({ id: client.id, pseudonymiseAgents: true });
    expect((await auditOf('client.update')).at(-1)).toMatchObject({ objectId: String(client.id) });
    expect(JSON.parse(String((await auditOf('client.update')).at(-1)!.after))).toMatchObject({ pseudonymiseAgents: true });
    const listed = await (await call('GET', '/api/admin/clients')).json();
    expect(listed.items.find((c: { id: number }) => c.id === client.id).pseudonymiseAgents).toBe(true);
    // Saving the same again writes nothing.
    const audits = (await auditOf('client.update')).length;
    expect((await call('PATCH', `/api/admin/clients/${client.id}`, { pseudonymiseAgents: true })).status).toBe(200);
    expect((await auditOf('client.update')).length).toBe(audits);
    // A new client is without pseudonyms unless asked.
    const created = await (
      await call('POST', '/api/admin/clients', { code: 'PSEUDO', name: 'Pseudo client', pseudonymiseAgents: true })
    ).json();
    expect(created.pseudonymiseAgents).toBe(true);
    expect((await (await call('POST', '/api/admin/clients', { code: 'PLAIN', name: 'Plain client' })).json()).pseudonymiseAgents).toBe(
      false
    );
    // Bad input names the field and changes nothing; only an admin may change it.
    const bad = await call('PATCH', `/api/admin/clients/${client.id}`, { pseudonymiseAgents: 'yes' });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(await bad.json())).toContain('pseudonymiseAgents');
    // A team has no such setting: the API's schema for a team does not know the field (unknown fields are dropped).
    const team = await call('PATCH', `/api/admin/teams/${org.teams.a.id}`, { pseudonymiseAgents: true });
    expect(await team.json()).not.toHaveProperty('pseudonymiseAgents');
    const qa = await signInAs(app, t.db, { tenantId: org.tenantId, grants: [{ role: 'qa_analyst' }], name: 'Quinn QA' });
    expect((await call('PATCH', `/api/admin/clients/${client.id}`, { pseudonymiseAgents: false }, qa.headers)).status).toBe(403);
    const [row] = await t.db.select().from(schema.clients).where(eq(schema.clients.id, client.id));
    expect(row!.pseudonymiseAgents).toBe(true);
    expect((await call('PATCH', `/api/admin/clients/${client.id}`, { pseudonymiseAgents: false })).status).toBe(200);
  });

  it('refuses admin writes from cookies without our origin', async () => {
    const res = await app.request('/api/admin/teams', {
      method: 'POST',
      headers: { cookie: admin.headers.cookie, 'content-type': 'application/json' },
      body: '{"code":"Z9","name":"Z"}'
    });
    expect(res.status).toBe(403);
    expect(TEST_ORIGIN).toBe('http://localhost');
  });
});
