// app first: @hono/zod-openapi must extend zod before shared schemas are built
import { createApp } from '../src/app.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { schema } from '@attentive/db';
import { createTestDb } from '@attentive/db/testing';
import { createFixtureOrg } from '@attentive/db/fixtures';
import { measureMonths } from '@attentive/core/client-audit/metrics';
import { loadEnv } from '../src/env.ts';
import { signInAs, tokenHeaders } from './support/auth.ts';
import { jsonRequests, type H } from './support/requests.ts';
import { clientAuditWorld, type AuditWorld } from './support/client-audit-world.ts';

/** The client portal's API (/api/client/…): figures, changes, benchmark, teams, sample runs; foreign ids 404. */
let t: Awaited<ReturnType<typeof createTestDb>>;
let app: ReturnType<typeof createApp>;
let w: AuditWorld;
let otherTenantProgram: number;
type Who = 'admin' | 'auditorA' | 'auditorB' | 'qa' | 'agent';
const u = {} as Record<Who, H>;
let token: H;
const { get } = jsonRequests(() => app);

beforeAll(async () => {
  t = await createTestDb();
  app = createApp({ db: t.db, env: loadEnv({ NODE_ENV: 'test' }), now: () => new Date('2026-11-10T10:00:00Z') });
  w = await clientAuditWorld(t.db);
  const other = await createFixtureOrg(t.db);
  otherTenantProgram = other.programs.a.id;
  const { org } = w;
  const roles: Record<Who, Parameters<typeof signInAs>[2]> = {
    admin: { tenantId: org.tenantId, grants: [{ role: 'admin' }], name: 'Admin' },
    auditorA: { tenantId: org.tenantId, grants: [{ role: 'client_auditor', clientId: org.clients.a.id }], name: 'Auditor A' },
    auditorB: { tenantId: org.tenantId, grants: [{ role: 'client_auditor', clientId: org.clients.b.id }], name: 'Auditor B' },
    qa: { tenantId: org.tenantId, grants: [{ role: 'qa_analyst' }], name: 'QA' },
    agent: { tenantId: org.tenantId, grants: [{ role: 'agent' }], personId: org.agents.a1.id, name: 'Agent' }
  };
  for (const [who, r] of Object.entries(roles) as [Who, Parameters<typeof signInAs>[2]][]) u[who] = (await signInAs(app, t.db, r)).headers;
  token = (await tokenHeaders(t.db, { tenantId: org.tenantId, programId: org.programs.a.id })).headers;
});
afterAll(() => t.cleanup());

async function ok(path: string, h: H) {
  const res = await get(path, h);
  const body = await res.json();
  expect(res.status, JSON.stringify(body).slice(0, 400)).toBe(200);
  return body;
}
async function status(path: string, h: H, expected: number, code?: string) {
  const res = await get(path, h);
  const body = await res.json();
  expect(res.status, `${path}: ${JSON.stringify(body).slice(0, 300)}`).toBe(expected);
  if (code) expect(body.error.code).toBe(code);
  return body;
}

describe('GET /api/client/home', () => {
  it("an auditor's own client by default: the month's figures with n and interval, the trend, the change since the month before", async () => {
    const home = await ok('/api/client/home?month=2026-11', u.auditorA);
    expect(home.client).toMatchObject({ id: w.org.clients.a.id, name: 'Energie Noord', pseudonymiseAgents: false });
    expect(home).toMatchObject({ month: '2026-11', previousMonth: '2026-10', timeZone: 'Europe/Amsterdam' });
    expect(home.programs.map((p: { program: { id: number } }) => p.program.id)).toEqual([w.org.programs.a.id]);
    const [a] = home.programs;
    expect(a.trend.map((p: { month: string }) => p.month)).toEqual([
      '2025-12',
      '2026-01',
      '2026-02',
      '2026-03',
      '2026-04',
      '2026-05',
      '2026-06',
      '2026-07',
      '2026-08',
      '2026-09',
      '2026-10',
      '2026-11'
    ]);
    // The same figures as measureMonths for the same program and months (one writer of every figure).
    const direct = await measureMonths(
      t.db,
      { tenantId: w.org.tenantId, programIds: [w.org.programs.a.id], timeZone: 'Europe/Amsterdam' },
      ['2026-10', '2026-11']
    );
    expect(a.values).toEqual(direct.get('2026-11'));
    expect(a.previous).toEqual(direct.get('2026-10'));
    expect(a.trend[10].values).toEqual(direct.get('2026-10'));
    // November has one evaluation (n = 1: no interval) → no change line for the QA score.
    expect(a.values.qa_score).toMatchObject({ n: 1, estimate: 60, low: null });
    expect(a.changes.qa_score).toBeNull();
  });

  it('the change of October against September, and the default month is the current one on the tenant clock', async () => {
    const home = await ok('/api/client/home', u.auditorA);
    expect(home.month).toBe('2026-11');
    const oct = await ok('/api/client/home?month=2026-10', u.auditorA);
    const [a] = oct.programs;
    // Critical-error-free: September 1/1 (Wilson interval exists) → October 2/3.
    const c = a.changes.critical_error_free_rate;
    expect(c).toMatchObject({ from: 100, difference: expect.closeTo(-100 / 3, 9) });
    expect(c.largerThanNoise).toBe(false);
    expect(a.changes.mystery_service_level).toBeNull(); // no mystery calls in September
  });

  it("the centre average: every client's programs together, no names and no other client's figures apart", async () => {
    const home = await ok('/api/client/home?month=2026-10', u.auditorA);
    expect(home.centerAverage.programCount).toBe(2);
    expect(home.centerAverage.values.qa_score).toMatchObject({ n: 5, estimate: 76 });
    const text = JSON.stringify(home);
    expect(text).not.toContain('Telco');
    expect(text).not.toContain('TW-SUPPORT');
    expect(text).not.toContain(String(w.org.programs.b.id) + ',"code"');
  });

  it('an admin names the client (400 without), and may read every client', async () => {
    const body = await status('/api/client/home', u.admin, 400, 'VALIDATION');
    expect(body.error.message).toContain('clientId');
    const b = await ok(`/api/client/home?clientId=${w.org.clients.b.id}&month=2026-10`, u.admin);
    expect(b.programs[0].values.qa_score).toMatchObject({ n: 2, estimate: 70 });
    const list = await ok('/api/client/clients', u.admin);
    expect(list.items.map((c: { name: string }) => c.name)).toEqual(['Energie Noord', 'Telco West']);
    expect((await ok('/api/client/clients', u.auditorA)).items.map((c: { name: string }) => c.name)).toEqual(['Energie Noord']);
  });

  it("another client's id, another tenant's, and odd spellings: 404 or 400, never 500 or data", async () => {
    await status(`/api/client/home?clientId=${w.org.clients.b.id}`, u.auditorA, 404, 'NOT_FOUND');
    await status(`/api/client/home?clientId=${w.org.clients.a.id}`, u.auditorB, 404, 'NOT_FOUND');
    await status('/api/client/home?clientId=999999', u.admin, 404, 'NOT_FOUND');
    for (const bad of ['0x10', '%201', '1e3', '-1', '0']) await status(`/api/client/home?clientId=${bad}`, u.auditorA, 400, 'VALIDATION');
    for (const bad of ['2026-13', '2026-1', '26-10', 'october', '2026-10-01']) {
      const body = await status(`/api/client/home?month=${bad}`, u.auditorA, 400, 'VALIDATION');
      expect(JSON.stringify(body.error.details)).toContain('month');
    }
  });

  it('QA analysts, agents and API tokens have no portal (403)', async () => {
    await status('/api/client/home', u.qa, 403, 'FORBIDDEN');
    await status('/api/client/home', u.agent, 403, 'FORBIDDEN');
    await status('/api/client/home', token, 403, 'FORBIDDEN');
    await status('/api/client/clients', u.agent, 403, 'FORBIDDEN');
  });
});

describe('GET /api/client/programs/{programId}/teams and /sample-runs', () => {
  it("per team of the program's agents: n, QA score, friendly and oriented with intervals", async () => {
    const body = await ok(`/api/client/programs/${w.org.programs.a.id}/teams?month=2026-10`, u.auditorA);
    expect(body).toMatchObject({ month: '2026-10', program: { id: w.org.programs.a.id }, client: { name: 'Energie Noord' } });
    expect(body.teams).toHaveLength(1);
    expect(body.teams[0]).toMatchObject({
      team: { name: 'Team One' },
      n: 3,
      qaScore: { n: 3, estimate: 80 },
      friendly: { estimate: 80 },
      oriented: { estimate: 70 }
    });
    expect(body.teams[0].qaScore.low).toBeLessThan(80);
  });

  it("another client's program, another tenant's, unknown ids: 404; bad spellings 400", async () => {
    for (const path of ['teams', 'sample-runs']) {
      await status(`/api/client/programs/${w.org.programs.b.id}/${path}`, u.auditorA, 404, 'NOT_FOUND');
      await status(`/api/client/programs/${w.org.programs.a.id}/${path}`, u.auditorB, 404, 'NOT_FOUND');
      await status(`/api/client/programs/${otherTenantProgram}/${path}`, u.admin, 404, 'NOT_FOUND');
      await status(`/api/client/programs/999999/${path}`, u.admin, 404, 'NOT_FOUND');
      for (const bad of ['0x10', '%201', '1e3']) await status(`/api/client/programs/${bad}/${path}`, u.auditorA, 400, 'VALIDATION');
    }
  });

  it("sample runs of the program only: sampling's own list, an empty list when none", async () => {
    const body = await ok(`/api/client/programs/${w.org.programs.a.id}/sample-runs`, u.auditorA);
    expect(body.items).toEqual([]);
  });
});

describe('pseudonymised clients', () => {
  const REAL = ['Agent One', 'Agent Two', 'Agent Three', 'Agent Four'];
  /** Every endpoint the auditor reads that can name an agent, with ids of its own program. */
  async function auditorBodies(h: H) {
    const list = await ok(`/api/evaluations?programId=${w.org.programs.a.id}&limit=200`, h);
    const calls = await ok('/api/calls?limit=200', h);
    const paths = [
      `/api/evaluations?programId=${w.org.programs.a.id}&limit=200`,
      '/api/evaluations/aggregates?groupBy=agent',
      '/api/evaluations/aggregates?groupBy=team',
      '/api/calls?limit=200',
      '/api/client/home?month=2026-10',
      `/api/client/programs/${w.org.programs.a.id}/teams?month=2026-10`,
      `/api/client/programs/${w.org.programs.a.id}/sample-runs`,
      '/api/sampling/runs',
      ...list.items.slice(0, 5).map((e: { id: number }) => `/api/evaluations/${e.id}`),
      ...calls.items.slice(0, 5).map((c: { id: number }) => `/api/calls/${c.id}`)
    ];
    expect(list.items.length).toBeGreaterThan(0);
    expect(calls.items.length).toBeGreaterThan(0);
    const out: Record<string, string> = {};
    for (const path of paths) out[path] = JSON.stringify(await ok(path, h));
    return out;
  }

  it("the auditor of a client that chose pseudonyms sees no agent's name anywhere, and the same pseudonym every time", async () => {
    await t.db.update(schema.clients).set({ pseudonymiseAgents: true }).where(eq(schema.clients.id, w.org.clients.a.id));
    try {
      const home = await ok('/api/client/home?month=2026-10', u.auditorA);
      expect(home.client.pseudonymiseAgents).toBe(true);
      const bodies = await auditorBodies(u.auditorA);
      for (const [path, body] of Object.entries(bodies)) for (const name of REAL) expect(body, `${path} names ${name}`).not.toContain(name);
      const list = JSON.parse(bodies[`/api/evaluations?programId=${w.org.programs.a.id}&limit=200`]!);
      const shown = list.items.find((e: { agentId: number }) => e.agentId === w.org.agents.a1.id).agentName;
      expect(shown).toMatch(/^Agent [0-9A-F]{4}$/);
      const call = JSON.parse(Object.entries(bodies).find(([p]) => /^\/api\/calls\/\d+$/.test(p))![1]);
      expect(call.agent.name).toMatch(/^Agent [0-9A-F]{4}$/);
      expect(call.agent.hireDate).toBeNull();
      // Stable: the same agent, the same pseudonym, in another response.
      const again = await ok(`/api/evaluations?programId=${w.org.programs.a.id}&limit=200`, u.auditorA);
      expect(again.items.find((e: { agentId: number }) => e.agentId === w.org.agents.a1.id).agentName).toBe(shown);
      // The contact center's own people still see the names.
      const admin = await ok(`/api/evaluations?programId=${w.org.programs.a.id}&limit=200`, u.admin);
      expect(admin.items.find((e: { agentId: number }) => e.agentId === w.org.agents.a1.id).agentName).toBe('Agent One');
    } finally {
      await t.db.update(schema.clients).set({ pseudonymiseAgents: false }).where(eq(schema.clients.id, w.org.clients.a.id));
    }
  });

  it('without the setting the auditor sees the names (the walk finds them: the test can fail)', async () => {
    const bodies = await auditorBodies(u.auditorA);
    expect(Object.values(bodies).some((b) => b.includes('Agent One'))).toBe(true);
  });
});
