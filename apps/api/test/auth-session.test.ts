// app first: @hono/zod-openapi must extend zod before shared schemas are built
import { createApp } from '../src/app.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestDb } from '@attentive/db/testing';
import { createFixtureOrg, type FixtureOrg } from '@attentive/db/fixtures';
import { schema } from '@attentive/db';
import { loadEnv } from '../src/env.ts';
import { TEST_ORIGIN, TEST_PASSWORD, cookieHeaderFrom, signInAs, signInWithPassword } from './support/auth.ts';

let t: Awaited<ReturnType<typeof createTestDb>>;
let app: ReturnType<typeof createApp>;
let org: FixtureOrg;
beforeAll(async () => {
  t = await createTestDb();
  app = createApp({ db: t.db, env: loadEnv({ NODE_ENV: 'test' }) });
  org = await createFixtureOrg(t.db);
});
afterAll(() => t.cleanup());

const signIn = (email: string, password: string, headers: Record<string, string> = { origin: TEST_ORIGIN }) =>
  app.request('/api/auth/sign-in/email', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ email, password })
  });

describe('sessions', () => {
  it('signs in through better-auth and resolves the principal from role assignments', async () => {
    const s = await signInAs(app, t.db, {
      tenantId: org.tenantId,
      grants: [{ role: 'team_lead', teamId: org.teams.a.id }],
      name: 'Lea Lead'
    });
    const res = await app.request('/api/me', { headers: s.headers });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({
      kind: 'user',
      tenantId: org.tenantId,
      personId: s.personId,
      name: 'Lea Lead',
      roles: ['team_lead'],
      grants: [{ role: 'team_lead', teamId: org.teams.a.id }]
    });
  });

  it('tells the screens what the person may do (`can`, from core capabilitiesOf)', async () => {
    const lead = await signInAs(app, t.db, { tenantId: org.tenantId, grants: [{ role: 'team_lead', teamId: org.teams.a.id }] });
    expect((await (await app.request('/api/me', { headers: lead.headers })).json()).can).toEqual({
      evaluate: true,
      readCalls: true,
      readEvaluations: true,
      manageScorecards: false,
      importCalls: false,
      administer: false,
      readOwnResults: false,
      coach: true,
      readSampling: false,
      manageSampling: false,
      readClientPortal: false,
      manageContracts: false,
      rescore: false,
      manageMystery: false,
      shopMystery: false,
      readReachability: true,
      manageSurveys: false,
      callSurveys: false,
      readSurveyResults: true,
      handleSurveyAlerts: true,
      manageCalibration: false,
      calibrate: true
    });
    const agent = await signInAs(app, t.db, { tenantId: org.tenantId, grants: [{ role: 'agent' }], personId: org.agents.a1.id });
    expect((await (await app.request('/api/me', { headers: agent.headers })).json()).can).toMatchObject({
      evaluate: false,
      coach: false,
      readOwnResults: true,
      readEvaluations: true,
      // An agent never takes part in calibration and never sees a session.
      calibrate: false,
      manageCalibration: false
    });
  });

  it('sets an httpOnly SameSite=Lax session cookie, not Secure on http', async () => {
    const s = await signInAs(app, t.db, { tenantId: org.tenantId, grants: [{ role: 'agent' }], personId: org.agents.a1.id });
    const res = await signIn(s.email, TEST_PASSWORD);
    const cookie = res.headers.getSetCookie().find((c) => c.startsWith('attentive.session_token='))!;
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(cookie).not.toMatch(/Secure/i);
  });

  it('marks the cookie Secure when ORIGIN is https', async () => {
    const secureApp = createApp({ db: t.db, env: loadEnv({ NODE_ENV: 'test', ORIGIN: 'https://qa.example.com' }) });
    const s = await signInAs(app, t.db, { tenantId: org.tenantId, grants: [{ role: 'admin' }] });
    const res = await secureApp.request('https://qa.example.com/api/auth/sign-in/email', {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: 'https://qa.example.com' },
      body: JSON.stringify({ email: s.email, password: TEST_PASSWORD })
    });
    expect(res.status).toBe(200);
    const cookie = res.headers.getSetCookie().find((c) => c.includes('attentive.session_token='))!;
    expect(cookie).toMatch(/^__Secure-/);
    expect(cookie).toMatch(/; Secure/i);
  });

  it('accepts sign-in on whatever host the server is reached by when ORIGIN is not set', async () => {
    const s = await signInAs(app, t.db, { tenantId: org.tenantId, grants: [{ role: 'admin' }] });
    const res = await app.request('http://127.0.0.1:5555/api/auth/sign-in/email', {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: 'http://127.0.0.1:5555' },
      body: JSON.stringify({ email: s.email, password: TEST_PASSWORD })
    });
    expect(res.status).toBe(200);
  });

  it('keeps a generated signing secret in the database, so sessions survive a restart', async () => {
    const s = await signInAs(app, t.db, { tenantId: org.tenantId, grants: [{ role: 'admin' }] });
    const secrets = await t.db.select().from(schema.instanceSecrets);
    expect(secrets.map((x) => x.name)).toEqual(['auth_secret']);
    expect(secrets[0]!.value.length).toBeGreaterThanOrEqual(48);
    const restarted = createApp({ db: t.db, env: loadEnv({ NODE_ENV: 'test' }) });
    expect((await restarted.request('/api/me', { headers: s.headers })).status).toBe(200);
    // With another configured secret the same cookie no longer verifies.
    const rotated = createApp({ db: t.db, env: loadEnv({ NODE_ENV: 'test', AUTH_SECRET: 'x'.repeat(40) }) });
    expect((await rotated.request('/api/me', { headers: s.headers })).status).toBe(401);
  });

  it('answers /api/me with 401 without a session', async () => {
    const res = await app.request('/api/me');
    expect(res.status).toBe(401);
    expect((await res.json()).error).toMatchObject({ code: 'UNAUTHENTICATED', requestId: expect.any(String) });
  });

  it('refuses a wrong password with the same message as an unknown address', async () => {
    const s = await signInAs(app, t.db, { tenantId: org.tenantId, grants: [{ role: 'qa_analyst' }] });
    const wrong = await signIn(s.email, 'not the password at all');
    const unknown = await signIn('nobody@test.attentive.invalid', 'not the password at all');
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    const [a, b] = [(await wrong.json()).error, (await unknown.json()).error];
    expect(a.message).toBe(b.message);
    expect(a.code).toBe('UNAUTHENTICATED');
  });

  it('refuses a tampered cookie', async () => {
    const s = await signInAs(app, t.db, { tenantId: org.tenantId, grants: [{ role: 'admin' }] });
    const tampered = s.headers.cookie.replace(/session_token=([^.;]+)/, (_m, tok: string) => `session_token=${tok.slice(0, -2)}xx`);
    expect(tampered).not.toBe(s.headers.cookie);
    expect((await app.request('/api/me', { headers: { ...s.headers, cookie: tampered } })).status).toBe(401);
    // a valid token with a forged signature
    const forged = s.headers.cookie.replace(/(session_token=[^.;]+\.)[^;]+/, '$1AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA%3D');
    expect((await app.request('/api/me', { headers: { ...s.headers, cookie: forged } })).status).toBe(401);
    expect((await app.request('/api/me', { headers: s.headers })).status).toBe(200);
  });

  it('refuses an expired session', async () => {
    const s = await signInAs(app, t.db, { tenantId: org.tenantId, grants: [{ role: 'admin' }] });
    expect((await app.request('/api/me', { headers: s.headers })).status).toBe(200);
    await t.db
      .update(schema.sessions)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(schema.sessions.userId, s.userId));
    expect((await app.request('/api/me', { headers: s.headers })).status).toBe(401);
  });

  it('signs out: the session is gone', async () => {
    const s = await signInAs(app, t.db, { tenantId: org.tenantId, grants: [{ role: 'admin' }] });
    const out = await app.request('/api/auth/sign-out', { method: 'POST', headers: s.headers });
    expect(out.status).toBe(200);
    expect((await app.request('/api/me', { headers: s.headers })).status).toBe(401);
    expect(await t.db.select().from(schema.sessions).where(eq(schema.sessions.userId, s.userId))).toHaveLength(0);
  });

  it('never returns the session token in a body', async () => {
    const s = await signInAs(app, t.db, { tenantId: org.tenantId, grants: [{ role: 'admin' }] });
    const res = await signIn(s.email, TEST_PASSWORD);
    const token = /session_token=([^.;]+)/.exec(cookieHeaderFrom(res))![1]!;
    const body = await res.json();
    expect(body.user).toMatchObject({ id: s.userId, email: s.email });
    expect(JSON.stringify(body)).not.toContain(token);
    expect((await app.request('/api/auth/get-session', { headers: s.headers })).status).toBe(404);
  });

  it('keeps sign-up and other better-auth endpoints closed', async () => {
    const res = await app.request('/api/auth/sign-up/email', {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: TEST_ORIGIN },
      body: JSON.stringify({ email: 'x@y.z', password: 'whatever-long', name: 'X' })
    });
    expect(res.status).toBe(404);
  });

  it('lets a user change its own password, after which the old one fails', async () => {
    const s = await signInAs(app, t.db, { tenantId: org.tenantId, grants: [{ role: 'agent' }], personId: org.agents.b1.id });
    const res = await app.request('/api/auth/change-password', {
      method: 'POST',
      headers: { ...s.headers, 'content-type': 'application/json' },
      body: JSON.stringify({ currentPassword: TEST_PASSWORD, newPassword: 'a brand new passphrase', revokeOtherSessions: true })
    });
    expect(res.status).toBe(200);
    expect((await signIn(s.email, TEST_PASSWORD)).status).toBe(401);
    const again = await signInWithPassword(app, s.email, 'a brand new passphrase');
    expect((await app.request('/api/me', { headers: again })).status).toBe(200);
    const audit = await t.db.select().from(schema.auditLog).where(eq(schema.auditLog.action, 'auth.password_changed'));
    expect(audit.some((a) => a.actorUserId === s.userId)).toBe(true);
  });

  for (const flag of [{ revokeOtherSessions: true }, { revokeOtherSessions: false }, {}]) {
    it(`a password change (${JSON.stringify(flag)}) ends every other session and puts no token in the body`, async () => {
      const s = await signInAs(app, t.db, { tenantId: org.tenantId, grants: [{ role: 'qa_analyst' }] });
      const other = await signInWithPassword(app, s.email, TEST_PASSWORD); // e.g. a forgotten session on another computer
      expect((await app.request('/api/me', { headers: other })).status).toBe(200);
      const res = await app.request('/api/auth/change-password', {
        method: 'POST',
        headers: { ...s.headers, 'content-type': 'application/json' },
        body: JSON.stringify({ currentPassword: TEST_PASSWORD, newPassword: 'another new passphrase', ...flag })
      });
      expect(res.status).toBe(200);
      const text = await res.text();
      expect(JSON.parse(text)).toEqual({ user: { id: s.userId, email: s.email, name: expect.any(String) } });
      const fresh = cookieHeaderFrom(res);
      const token = /session_token=([^.;]+)/.exec(fresh)?.[1];
      expect(token, 'the caller gets a new session cookie').toBeTruthy();
      expect(text).not.toContain(token!);
      expect(text).not.toMatch(/token/i);
      expect((await app.request('/api/me', { headers: other })).status, 'the other session is over').toBe(401);
      expect((await app.request('/api/me', { headers: { cookie: fresh, origin: TEST_ORIGIN } })).status, 'the caller stays signed in').toBe(
        200
      );
    });
  }

  it('refuses a change-password body that is not a JSON object, changing nothing', async () => {
    const s = await signInAs(app, t.db, { tenantId: org.tenantId, grants: [{ role: 'admin' }] });
    const res = await app.request('/api/auth/change-password', {
      method: 'POST',
      headers: { ...s.headers, 'content-type': 'application/json' },
      body: '[1]'
    });
    expect(res.status).toBe(400);
    expect((await app.request('/api/me', { headers: s.headers })).status).toBe(200);
  });

  it('audits sign-ins and failed sign-ins', async () => {
    const actions = (await t.db.select({ action: schema.auditLog.action }).from(schema.auditLog)).map((r) => r.action);
    expect(actions).toContain('auth.sign_in');
    expect(actions).toContain('auth.sign_in_failed');
  });

  it('returns cookies usable by cookieHeaderFrom', async () => {
    const s = await signInAs(app, t.db, { tenantId: org.tenantId, grants: [{ role: 'admin' }] });
    const res = await signIn(s.email, TEST_PASSWORD);
    expect(cookieHeaderFrom(res)).toMatch(/attentive\.session_token=/);
  });
});
