// app first: @hono/zod-openapi must extend zod before shared schemas are built
import { createApp } from '../src/app.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb } from '@attentive/db/testing';
import { createFixtureOrg, type FixtureOrg } from '@attentive/db/fixtures';
import { loadEnv } from '../src/env.ts';
import { signInAs } from './support/auth.ts';

// A client auditor reads the published rules of its own clients' plans, never the draft (work in progress).
let t: Awaited<ReturnType<typeof createTestDb>>;
let app: ReturnType<typeof createApp>;
let org: FixtureOrg;
type Session = Awaited<ReturnType<typeof signInAs>>;
let admin: Session, auditorA: Session, auditorB: Session;

beforeAll(async () => {
  t = await createTestDb();
  app = createApp({ db: t.db, env: loadEnv({ NODE_ENV: 'test' }), now: () => new Date('2026-11-23T10:00:00Z') });
  org = await createFixtureOrg(t.db, { callsPerAgent: 2 });
  admin = await signInAs(app, t.db, { tenantId: org.tenantId, grants: [{ role: 'admin' }] });
  auditorA = await signInAs(app, t.db, { tenantId: org.tenantId, grants: [{ role: 'client_auditor', clientId: org.clients.a.id }] });
  auditorB = await signInAs(app, t.db, { tenantId: org.tenantId, grants: [{ role: 'client_auditor', clientId: org.clients.b.id }] });
});
afterAll(() => t.cleanup());

const call = async (who: Session, method: string, path: string, body?: unknown) => {
  const res = await app.request(path, {
    method,
    headers: { ...who.headers, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body)
  });
  return { status: res.status, body: (await res.json()) as any };
};

describe('a sampling plan for a client auditor', () => {
  let planId: number;

  beforeAll(async () => {
    const created = await call(admin, 'POST', '/api/sampling/plans', {
      programId: org.programs.a.id,
      name: 'Weekly',
      definition: { period: 'week', quota: { perAgent: 3 } }
    });
    planId = created.body.id;
    expect((await call(admin, 'POST', `/api/sampling/plans/${planId}/publish`)).status).toBe(201);
    // A draft change after publishing: the contact center's work in progress.
    const edited = await call(admin, 'PATCH', `/api/sampling/plans/${planId}`, { definition: { period: 'month', quota: { perAgent: 9 } } });
    expect(edited.status).toBe(200);
  });

  it('the manager reads the draft and the published version', async () => {
    const res = await call(admin, 'GET', `/api/sampling/plans/${planId}`);
    expect(res.status).toBe(200);
    expect(res.body.draft).toMatchObject({ period: 'month', quota: { perAgent: 9 } });
    expect(res.body.versions[0].definition).toMatchObject({ period: 'week', quota: { perAgent: 3 } });
    const list = await call(admin, 'GET', '/api/sampling/plans');
    expect(list.body.items[0]).toMatchObject({ draft: { period: 'month' }, published: { period: 'week' } });
  });

  it('its own client: 200 with the published versions and no draft, in the plan and in the list', async () => {
    const res = await call(auditorA, 'GET', `/api/sampling/plans/${planId}`);
    expect(res.status).toBe(200);
    expect(res.body.draft).toBeNull();
    expect(JSON.stringify(res.body)).not.toContain('"month"');
    expect(res.body).toMatchObject({ publishedVersion: 1, clientId: org.clients.a.id });
    expect(res.body.versions).toHaveLength(1);
    expect(res.body.versions[0].definition).toMatchObject({ period: 'week', quota: { perAgent: 3 } });
    const list = await call(auditorA, 'GET', '/api/sampling/plans');
    expect(list.status).toBe(200);
    expect(list.body.items).toHaveLength(1);
    expect(list.body.items[0]).toMatchObject({ id: planId, draft: null, published: { period: 'week', quota: { perAgent: 3 } } });
  });

  it("another client's plan does not exist for it; a malformed id is refused", async () => {
    expect((await call(auditorB, 'GET', `/api/sampling/plans/${planId}`)).status).toBe(404);
    expect((await call(auditorB, 'GET', '/api/sampling/plans')).body.items).toEqual([]);
    expect([400, 404]).toContain((await call(auditorA, 'GET', '/api/sampling/plans/0x10')).status);
    expect((await call(auditorA, 'GET', '/api/sampling/plans/999999')).status).toBe(404);
  });
});
