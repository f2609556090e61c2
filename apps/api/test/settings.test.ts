// app first: @hono/zod-openapi must extend zod before shared schemas are built
import { createApp } from '../src/app.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestDb } from '@attentive/db/testing';
import { createFixtureOrg, type FixtureOrg } from '@attentive/db/fixtures';
import { schema } from '@attentive/db';
import { loadEnv } from '../src/env.ts';
import { signInAs, type SessionHeaders } from './support/auth.ts';

let t: Awaited<ReturnType<typeof createTestDb>>;
let app: ReturnType<typeof createApp>;
let org: FixtureOrg;
let admin: SessionHeaders;
let lead: SessionHeaders;
beforeAll(async () => {
  t = await createTestDb();
  app = createApp({ db: t.db, env: loadEnv({ NODE_ENV: 'test' }) });
  org = await createFixtureOrg(t.db);
  admin = (await signInAs(app, t.db, { tenantId: org.tenantId, grants: [{ role: 'admin' }] })).headers;
  lead = (await signInAs(app, t.db, { tenantId: org.tenantId, grants: [{ role: 'team_lead', teamId: org.teams.a.id }] })).headers;
});
afterAll(() => t.cleanup());

const call = (method: string, path: string, headers: SessionHeaders, body?: unknown) =>
  app.request(path, {
    method,
    headers: { ...headers, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body)
  });
const me = async (headers: SessionHeaders) => (await call('GET', '/api/me', headers)).json();
const tenantRow = async () => (await t.db.select().from(schema.tenants).where(eq(schema.tenants.id, org.tenantId)))[0]!;

describe("a person's language", () => {
  it('starts unset, with the tenant defaults beside it in GET /api/me', async () => {
    expect(await me(lead)).toMatchObject({ locale: null, timeZone: 'Europe/Amsterdam', defaultLanguage: 'en' });
  });

  it('is saved by PUT /api/me/preferences and cleared with null', async () => {
    const res = await call('PUT', '/api/me/preferences', lead, { locale: 'nl' });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ locale: 'nl' });
    expect((await me(lead)).locale).toBe('nl');
    expect((await call('PUT', '/api/me/preferences', lead, { locale: null })).status).toBe(200);
    expect((await me(lead)).locale).toBeNull();
  });

  it('refuses a language the screens do not have, and changes nothing', async () => {
    await call('PUT', '/api/me/preferences', lead, { locale: 'nl' });
    const res = await call('PUT', '/api/me/preferences', lead, { locale: 'de' });
    expect(res.status).toBe(400);
    expect((await res.json()).error.code).toBe('VALIDATION');
    expect((await me(lead)).locale).toBe('nl');
  });
});

describe("the contact center's settings", () => {
  it('an admin reads and changes the time zone and default language; audited; every person sees them', async () => {
    expect(await (await call('GET', '/api/admin/settings', admin)).json()).toEqual({ timeZone: 'Europe/Amsterdam', defaultLanguage: 'en' });
    const res = await call('PUT', '/api/admin/settings', admin, { timeZone: 'Asia/Kolkata', defaultLanguage: 'nl' });
    expect(res.status).toBe(200);
    expect(await tenantRow()).toMatchObject({ timeZone: 'Asia/Kolkata', defaultLanguage: 'nl' });
    expect(await me(lead)).toMatchObject({ timeZone: 'Asia/Kolkata', defaultLanguage: 'nl' });
    const audit = await t.db.select().from(schema.auditLog).where(eq(schema.auditLog.action, 'tenant.settings'));
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ tenantId: org.tenantId, objectId: String(org.tenantId) });
    // The same settings again: nothing written, no second audit row.
    await call('PUT', '/api/admin/settings', admin, { timeZone: 'Asia/Kolkata', defaultLanguage: 'nl' });
    expect(await t.db.select().from(schema.auditLog).where(eq(schema.auditLog.action, 'tenant.settings'))).toHaveLength(1);
  });

  it('refuses an unknown time zone or language, naming the field, and changes nothing', async () => {
    const before = await tenantRow();
    for (const [body, field] of [
      [{ timeZone: 'Mars/Olympus_Mons', defaultLanguage: 'en' }, 'timeZone'],
      [{ timeZone: 'Europe/Brussels', defaultLanguage: 'fr' }, 'defaultLanguage'],
      [{ timeZone: '', defaultLanguage: 'en' }, 'timeZone']
    ] as const) {
      const res = await call('PUT', '/api/admin/settings', admin, body);
      expect(res.status).toBe(400);
      const err = (await res.json()).error;
      expect(err.code).toBe('VALIDATION');
      expect(JSON.stringify(err)).toContain(field);
    }
    expect(await tenantRow()).toEqual(before);
  });

  it("cuts calendar days in the tenant's time zone (core reads it, not a constant)", async () => {
    // The fixture's 12 calls start 2026-11-02 09:00Z … 20:00Z: all on 2 November in Amsterdam (UTC+1),
    // but the last two (19:00Z, 20:00Z) are already 3 November in Kolkata (UTC+5:30).
    const onNov3 = async () =>
      (await (await call('GET', '/api/calls?from=2026-11-03&to=2026-11-03&limit=200', admin)).json()).items.length as number;
    await call('PUT', '/api/admin/settings', admin, { timeZone: 'Asia/Kolkata', defaultLanguage: 'en' });
    expect(await onNov3()).toBe(2);
    await call('PUT', '/api/admin/settings', admin, { timeZone: 'Europe/Amsterdam', defaultLanguage: 'en' });
    expect(await onNov3()).toBe(0);
  });

  it('is for admins only', async () => {
    expect((await call('GET', '/api/admin/settings', lead)).status).toBe(403);
    expect((await call('PUT', '/api/admin/settings', lead, { timeZone: 'UTC', defaultLanguage: 'en' })).status).toBe(403);
  });
});
