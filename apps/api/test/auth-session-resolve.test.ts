// app first: @hono/zod-openapi must extend zod before shared schemas are built
import { createApp } from '../src/app.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHmac } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { createTestDb } from '@attentive/db/testing';
import { createFixtureOrg, type FixtureOrg } from '@attentive/db/fixtures';
import { isEmbedded, schema, writeGenerationOf } from '@attentive/db';
import { loadEnv } from '../src/env.ts';
import { SESSION_EXPIRES_IN_S, SESSION_UPDATE_AGE_S } from '../src/auth/create-auth.ts';
import { TEST_ORIGIN, TEST_PASSWORD, cookieHeaderFrom, signInAs, signInWithPassword } from './support/auth.ts';

/**
 * Session cookies resolved by our own signature check and one statement (apps/api/src/auth/resolve-session.ts):
 * every change to who someone is takes effect on the next request, and better-auth still extends a session that
 * is due and clears one that is gone. Cross-process versions of these live with the scale-out tests.
 */
let t: Awaited<ReturnType<typeof createTestDb>>;
let app: ReturnType<typeof createApp>;
let org: FixtureOrg;
let admin: Awaited<ReturnType<typeof signInAs>>;
beforeAll(async () => {
  t = await createTestDb();
  app = createApp({ db: t.db, env: loadEnv({ NODE_ENV: 'test' }) });
  org = await createFixtureOrg(t.db);
  admin = await signInAs(app, t.db, { tenantId: org.tenantId, grants: [{ role: 'admin' }] });
});
afterAll(() => t.cleanup());

const me = (headers: Record<string, string>) => app.request('/api/me', { headers });
const json = (headers: Record<string, string>) => ({ ...headers, 'content-type': 'application/json' });
const tokenOf = (cookie: string) => decodeURIComponent(/session_token=([^;]+)/.exec(cookie)![1]!).split('.')[0]!;
const sessionRow = async (cookie: string) =>
  (
    await t.db
      .select()
      .from(schema.sessions)
      .where(eq(schema.sessions.token, tokenOf(cookie)))
  )[0];

describe('session cookies', () => {
  it('answers /api/me from the statement that resolved the cookie: name, e-mail, grants, language, tenant settings', async () => {
    const s = await signInAs(app, t.db, {
      tenantId: org.tenantId,
      grants: [{ role: 'team_lead', teamId: org.teams.a.id }, { role: 'qa_analyst' }],
      name: 'Ria Resolve'
    });
    await app.request('/api/me/preferences', { method: 'PUT', headers: json(s.headers), body: JSON.stringify({ locale: 'nl' }) });
    const body = await (await me(s.headers)).json();
    expect(body).toMatchObject({
      kind: 'user',
      tenantId: org.tenantId,
      personId: s.personId,
      name: 'Ria Resolve',
      email: s.email,
      roles: ['team_lead', 'qa_analyst'],
      locale: 'nl',
      timeZone: 'Europe/Amsterdam',
      defaultLanguage: expect.stringMatching(/^(en|nl)$/)
    });
    expect(body.grants).toHaveLength(2);
    expect(body.grants).toEqual(expect.arrayContaining([{ role: 'team_lead', teamId: org.teams.a.id }, { role: 'qa_analyst' }]));
  });

  it('costs one database statement for a session; on a file the next request reuses it until a write; nothing is written', async () => {
    await me(admin.headers); // warm: the auth instance and the prepared statement
    const s = await signInAs(app, t.db, { tenantId: org.tenantId, grants: [{ role: 'qa_analyst' }] });
    const before = await sessionRow(s.headers.cookie);
    const client = t.db.$client;
    const execute = client.execute;
    let statements = 0;
    client.execute = ((...a: Parameters<typeof execute>) => {
      statements++;
      return execute(...a);
    }) as typeof execute;
    const generation = writeGenerationOf(t.db);
    const counts: number[] = [];
    try {
      for (let i = 0; i < 2; i++) {
        statements = 0;
        const res = await me(s.headers);
        expect(res.status).toBe(200);
        expect(res.headers.getSetCookie()).toEqual([]);
        counts.push(statements);
      }
    } finally {
      client.execute = execute;
    }
    expect(counts).toEqual(isEmbedded(t.db) ? [1, 0] : [1, 1]);
    expect(writeGenerationOf(t.db)).toBe(generation);
    expect((await sessionRow(s.headers.cookie))!.expiresAt).toEqual(before!.expiresAt);
  });

  it('refuses a cookie signed with another secret, and one whose token is not a session, on the next request after sign-out', async () => {
    const s = await signInAs(app, t.db, { tenantId: org.tenantId, grants: [{ role: 'admin' }] });
    const token = tokenOf(s.headers.cookie);
    const signed = (secret: string) =>
      `attentive.session_token=${encodeURIComponent(`${token}.${createHmac('sha256', secret).update(token).digest('base64')}`)}`;
    expect((await me({ ...s.headers, cookie: signed('x'.repeat(32)) })).status).toBe(401);
    expect((await me(s.headers)).status).toBe(200);
    const made = 'A'.repeat(32);
    const madeUp = `attentive.session_token=${encodeURIComponent(`${made}.${createHmac('sha256', 'y'.repeat(32)).update(made).digest('base64')}`)}`;
    expect((await me({ ...s.headers, cookie: madeUp })).status).toBe(401);
  });

  it('reads the __Secure- cookie behind an https ORIGIN, and only that name', async () => {
    const secureApp = createApp({ db: t.db, env: loadEnv({ NODE_ENV: 'test', ORIGIN: 'https://qa.example.com' }) });
    const s = await signInAs(app, t.db, { tenantId: org.tenantId, grants: [{ role: 'qa_analyst' }], name: 'Sia Secure' });
    const res = await secureApp.request('https://qa.example.com/api/auth/sign-in/email', {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: 'https://qa.example.com' },
      body: JSON.stringify({ email: s.email, password: TEST_PASSWORD })
    });
    const cookie = cookieHeaderFrom(res);
    expect(cookie).toMatch(/^__Secure-attentive\.session_token=/);
    const ask = (c: string) => secureApp.request('https://qa.example.com/api/me', { headers: { cookie: c } });
    const answer = await ask(cookie);
    expect(answer.status).toBe(200);
    expect((await answer.json()).name).toBe('Sia Secure');
    expect((await ask(cookie.replace(/^__Secure-/, ''))).status).toBe(401);
  });

  it('signs out: the very next request with the old cookie is nobody', async () => {
    const s = await signInAs(app, t.db, { tenantId: org.tenantId, grants: [{ role: 'qa_analyst' }] });
    expect((await me(s.headers)).status).toBe(200);
    expect((await app.request('/api/auth/sign-out', { method: 'POST', headers: s.headers })).status).toBe(200);
    expect((await me(s.headers)).status).toBe(401);
    expect((await app.request('/api/calls', { headers: s.headers })).status).toBe(401);
  });

  it('a password change through the API ends the other session on its very next request; the caller goes on with its new cookie', async () => {
    const s = await signInAs(app, t.db, { tenantId: org.tenantId, grants: [{ role: 'qa_analyst' }] });
    const other = await signInWithPassword(app, s.email, TEST_PASSWORD);
    expect((await me(other)).status).toBe(200);
    const res = await app.request('/api/auth/change-password', {
      method: 'POST',
      headers: json(s.headers),
      body: JSON.stringify({ currentPassword: TEST_PASSWORD, newPassword: 'resolved anew every request' })
    });
    expect(res.status).toBe(200);
    expect((await me(other)).status).toBe(401);
    expect((await me({ cookie: cookieHeaderFrom(res), origin: TEST_ORIGIN })).status).toBe(200);
  });

  it('a role removed through the API is gone on the very next request, and a role given is there', async () => {
    const s = await signInAs(app, t.db, { tenantId: org.tenantId, grants: [{ role: 'qa_analyst' }] });
    expect((await (await me(s.headers)).json()).roles).toEqual(['qa_analyst']);
    const given = await app.request(`/api/admin/people/${s.personId}/roles`, {
      method: 'POST',
      headers: json(admin.headers),
      body: JSON.stringify({ role: 'team_lead', teamId: org.teams.b.id })
    });
    expect(given.status).toBe(201);
    expect((await (await me(s.headers)).json()).roles).toEqual(expect.arrayContaining(['qa_analyst', 'team_lead']));
    const [qa] = await t.db
      .select()
      .from(schema.roleAssignments)
      .where(and(eq(schema.roleAssignments.personId, s.personId), eq(schema.roleAssignments.role, 'qa_analyst')));
    const removed = await app.request(`/api/admin/role-assignments/${qa!.id}`, { method: 'DELETE', headers: admin.headers });
    expect(removed.status).toBe(200);
    expect((await (await me(s.headers)).json()).roles).toEqual(['team_lead']);
  });

  it('a person who has left (left date set through the API) is nobody on the very next request', async () => {
    const s = await signInAs(app, t.db, { tenantId: org.tenantId, grants: [{ role: 'qa_analyst' }] });
    expect((await me(s.headers)).status).toBe(200);
    const left = await app.request(`/api/admin/people/${s.personId}`, {
      method: 'PATCH',
      headers: json(admin.headers),
      body: JSON.stringify({ leftDate: '2020-01-31' })
    });
    expect(left.status).toBe(200);
    expect((await me(s.headers)).status).toBe(401);
  });

  it('refuses an expired session and clears its cookie and row (better-auth, as before)', async () => {
    const s = await signInAs(app, t.db, { tenantId: org.tenantId, grants: [{ role: 'qa_analyst' }] });
    await t.db
      .update(schema.sessions)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(schema.sessions.token, tokenOf(s.headers.cookie)));
    const res = await me(s.headers);
    expect(res.status).toBe(401);
    expect(res.headers.getSetCookie().join()).toMatch(/attentive\.session_token=;.*Max-Age=0/i);
    expect(await sessionRow(s.headers.cookie)).toBeUndefined();
  });

  it('extends a session that is due (updateAge passed): new expiry in the database and a fresh cookie', async () => {
    const s = await signInAs(app, t.db, { tenantId: org.tenantId, grants: [{ role: 'qa_analyst' }] });
    // Signed in (SESSION_UPDATE_AGE_S + 60 s) ago: due for extension.
    const due = new Date(Date.now() + (SESSION_EXPIRES_IN_S - SESSION_UPDATE_AGE_S - 60) * 1000);
    await t.db
      .update(schema.sessions)
      .set({ expiresAt: due })
      .where(eq(schema.sessions.token, tokenOf(s.headers.cookie)));
    const res = await me(s.headers);
    expect(res.status).toBe(200);
    const cookie = res.headers.getSetCookie().find((c) => c.startsWith('attentive.session_token='));
    expect(cookie).toMatch(new RegExp(`Max-Age=${SESSION_EXPIRES_IN_S}`));
    expect(tokenOf(cookie!)).toBe(tokenOf(s.headers.cookie));
    const extended = (await sessionRow(s.headers.cookie))!.expiresAt.getTime();
    expect(extended).toBeGreaterThan(Date.now() + (SESSION_EXPIRES_IN_S - 60) * 1000);
    // Extended once: the next request is not due and sends no cookie.
    expect((await me(s.headers)).headers.getSetCookie()).toEqual([]);
  });
});
