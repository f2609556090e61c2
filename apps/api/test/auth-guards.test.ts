// app first: @hono/zod-openapi must extend zod before shared schemas are built
import { createApp } from '../src/app.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestDb } from '@attentive/db/testing';
import { createFixtureOrg, type FixtureOrg } from '@attentive/db/fixtures';
import { schema } from '@attentive/db';
import { SIGN_IN_LIMITS } from '@attentive/core';
import { loadEnv } from '../src/env.ts';
import { TEST_ORIGIN, TEST_PASSWORD, signInAs, tokenHeaders } from './support/auth.ts';

let t: Awaited<ReturnType<typeof createTestDb>>;
let app: ReturnType<typeof createApp>;
let org: FixtureOrg;
let clock = new Date('2026-11-23T09:00:00Z');
beforeAll(async () => {
  t = await createTestDb();
  app = createApp({ db: t.db, env: loadEnv({ NODE_ENV: 'test' }), now: () => clock });
  org = await createFixtureOrg(t.db);
});
afterAll(() => t.cleanup());

const signIn = (a: { request: typeof app.request }, email: string, password: string) =>
  a.request('/api/auth/sign-in/email', {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: TEST_ORIGIN },
    body: JSON.stringify({ email, password })
  });

describe('failed sign-in lockout', () => {
  it(`locks an address after ${SIGN_IN_LIMITS.MAX_FAILURES} failures, even for the right password, and survives a restart`, async () => {
    const s = await signInAs(app, t.db, { tenantId: org.tenantId, grants: [{ role: 'qa_analyst' }] });
    for (let i = 1; i < SIGN_IN_LIMITS.MAX_FAILURES; i++) expect((await signIn(app, s.email, `wrong password ${i}`)).status).toBe(401);
    const last = await signIn(app, s.email, 'wrong password again');
    expect(last.status).toBe(429);
    expect((await last.json()).error.code).toBe('TOO_MANY_REQUESTS');
    const right = await signIn(app, s.email, TEST_PASSWORD);
    expect(right.status).toBe(429);
    expect(right.headers.get('retry-after')).toMatch(/^\d+$/);
    // A "restart": a new app on the same database still refuses.
    const restarted = createApp({ db: t.db, env: loadEnv({ NODE_ENV: 'test' }), now: () => clock });
    expect((await signIn(restarted, s.email, TEST_PASSWORD)).status).toBe(429);
    // After the lock ends the right password works again and clears the count.
    clock = new Date(clock.getTime() + SIGN_IN_LIMITS.LOCK_MS + 1000);
    expect((await signIn(app, s.email, TEST_PASSWORD)).status).toBe(200);
    expect(await t.db.select().from(schema.signInThrottle).where(eq(schema.signInThrottle.email, s.email))).toHaveLength(0);
    const failed = await t.db.select().from(schema.auditLog).where(eq(schema.auditLog.objectId, s.email));
    expect(failed.filter((r) => r.action === 'auth.sign_in_failed').length).toBeGreaterThanOrEqual(SIGN_IN_LIMITS.MAX_FAILURES + 2);
  });

  it('forgets failures older than the window', async () => {
    const s = await signInAs(app, t.db, { tenantId: org.tenantId, grants: [{ role: 'qa_analyst' }] });
    for (let i = 1; i < SIGN_IN_LIMITS.MAX_FAILURES; i++) expect((await signIn(app, s.email, 'nope nope nope')).status).toBe(401);
    clock = new Date(clock.getTime() + SIGN_IN_LIMITS.WINDOW_MS + 1000);
    expect((await signIn(app, s.email, 'nope nope nope')).status).toBe(401);
    expect((await signIn(app, s.email, TEST_PASSWORD)).status).toBe(200);
  });
});

describe('CSRF', () => {
  it('refuses a cookie-authenticated write without our Origin, allows it with', async () => {
    const s = await signInAs(app, t.db, { tenantId: org.tenantId, grants: [{ role: 'admin' }] });
    const post = (headers: Record<string, string>) =>
      app.request('/api/admin/teams', {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ code: `X${Math.random().toString(36).slice(2, 6)}`, name: 'X' })
      });
    const { origin: _o, ...noOrigin } = s.headers;
    expect((await post(noOrigin)).status).toBe(403);
    const evil = await post({ ...s.headers, origin: 'https://evil.example' });
    expect(evil.status).toBe(403);
    expect((await evil.json()).error.message).toMatch(/evil\.example/);
    expect((await post(s.headers)).status).toBe(201);
  });

  it('refuses a cross-site sign-in', async () => {
    const res = await app.request('/api/auth/sign-in/email', {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: 'https://evil.example' },
      body: JSON.stringify({ email: 'a@b.c', password: 'x' })
    });
    expect(res.status).toBe(403);
  });

  it('does not apply to bearer-token requests', async () => {
    const tok = await tokenHeaders(t.db, { tenantId: org.tenantId, programId: org.programs.a.id });
    const res = await app.request('/api/admin/teams', {
      method: 'POST',
      headers: { ...tok.headers, 'content-type': 'application/json', origin: 'https://evil.example' },
      body: '{"code":"Y1","name":"Y"}'
    });
    // passes CSRF, then the policy refuses: tokens never administer
    expect(res.status).toBe(403);
    expect((await res.json()).error.message).toMatch(/admin/);
  });
});

describe('API tokens', () => {
  it('authenticates with a token, records last use, and refuses it once revoked', async () => {
    const admin = await signInAs(app, t.db, { tenantId: org.tenantId, grants: [{ role: 'admin' }] });
    const created = await app.request('/api/admin/api-tokens', {
      method: 'POST',
      headers: { ...admin.headers, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'telephony', clientId: org.clients.a.id })
    });
    expect(created.status).toBe(201);
    const { token, id, prefix } = await created.json();
    expect(token).toMatch(/^att_/);
    expect(token.startsWith(prefix)).toBe(true);
    const stored = await t.db.select().from(schema.apiTokens).where(eq(schema.apiTokens.id, id));
    expect(stored[0]!.tokenHash).not.toContain(token);
    expect(JSON.stringify(stored)).not.toContain(token);

    const me = await app.request('/api/me', { headers: { authorization: `Bearer ${token}` } });
    expect(me.status).toBe(200);
    expect(await me.json()).toMatchObject({
      kind: 'token',
      roles: ['integration'],
      grants: [{ role: 'integration', clientId: org.clients.a.id }]
    });
    const list = await (await app.request('/api/admin/api-tokens', { headers: admin.headers })).json();
    const listed = list.items.find((x: { id: number }) => x.id === id);
    expect(listed.lastUsedAt).not.toBeNull();
    expect(JSON.stringify(list)).not.toContain(token);

    const revoked = await app.request(`/api/admin/api-tokens/${id}/revoke`, { method: 'POST', headers: admin.headers });
    expect(revoked.status).toBe(200);
    const after = await app.request('/api/me', { headers: { authorization: `Bearer ${token}` } });
    expect(after.status).toBe(401);
    expect((await after.json()).error.code).toBe('UNAUTHENTICATED');
    const actions = (await t.db.select().from(schema.auditLog).where(eq(schema.auditLog.objectType, 'api_token'))).map((r) => r.action);
    expect(actions).toEqual(expect.arrayContaining(['api_token.create', 'api_token.revoke']));
  });

  it('refuses unknown and malformed tokens', async () => {
    expect((await app.request('/api/me', { headers: { authorization: 'Bearer att_notatoken' } })).status).toBe(401);
    expect((await app.request('/api/me', { headers: { authorization: 'Basic abc' } })).status).toBe(401);
  });

  it('needs exactly one scope that exists in the tenant', async () => {
    const admin = await signInAs(app, t.db, { tenantId: org.tenantId, grants: [{ role: 'admin' }] });
    const post = (b: unknown) =>
      app.request('/api/admin/api-tokens', {
        method: 'POST',
        headers: { ...admin.headers, 'content-type': 'application/json' },
        body: JSON.stringify(b)
      });
    expect((await post({ name: 'x' })).status).toBe(400);
    expect((await post({ name: 'x', clientId: org.clients.a.id, programId: org.programs.a.id })).status).toBe(400);
    const other = await createFixtureOrg(t.db);
    const foreign = await post({ name: 'x', clientId: other.clients.a.id });
    const missing = await post({ name: 'x', clientId: 999999 });
    expect(foreign.status).toBe(404);
    expect(missing.status).toBe(404);
    expect((await foreign.json()).error.message).toBe(`Client ${other.clients.a.id} not found`);
  });
});

describe('security headers and limits', () => {
  it('sends nosniff, frame and referrer headers and a request id', async () => {
    const res = await app.request('/api/health');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('x-frame-options')).toBe('DENY');
    expect(res.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
    expect(res.headers.get('x-request-id')).toBeTruthy();
  });

  it('refuses a body over the limit with 413 and the envelope', async () => {
    const s = await signInAs(app, t.db, { tenantId: org.tenantId, grants: [{ role: 'admin' }] });
    const big = JSON.stringify({ code: 'BIG', name: 'x'.repeat(1_100_000) });
    const res = await app.request('/api/admin/teams', {
      method: 'POST',
      headers: { ...s.headers, 'content-type': 'application/json', 'content-length': String(big.length) },
      body: big
    });
    expect(res.status).toBe(413);
    expect((await res.json()).error).toMatchObject({ code: 'PAYLOAD_TOO_LARGE', requestId: expect.any(String) });
  });
});
