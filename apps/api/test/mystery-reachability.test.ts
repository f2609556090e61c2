// app first: @hono/zod-openapi must extend zod before shared schemas are built
import { createApp } from '../src/app.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, count, eq, gte, lt, sql } from 'drizzle-orm';
import { createTestDb } from '@attentive/db/testing';
import { createFixtureOrg, type FixtureOrg } from '@attentive/db/fixtures';
import { schema } from '@attentive/db';
import { loadEnv } from '../src/env.ts';
import { signInAs } from './support/auth.ts';
import { storeMysteryCalls, storeScenario, type MysteryRow } from './support/mystery-reachability-rows.ts';

let t: Awaited<ReturnType<typeof createTestDb>>;
let app: ReturnType<typeof createApp>;
let org: FixtureOrg;
type Session = Awaited<ReturnType<typeof signInAs>>;
let admin: Session, auditorA: Session, shopper: Session, agent: Session;
// Wednesday 2 December 2026: the last full month is November.
const NOW = new Date('2026-12-02T10:00:00Z');
let scenarioA: { scenarioId: number; versionIds: number[] };

const at = (iso: string) => new Date(iso);

beforeAll(async () => {
  t = await createTestDb();
  app = createApp({ db: t.db, env: loadEnv({ NODE_ENV: 'test' }), now: () => NOW });
  org = await createFixtureOrg(t.db, { callsPerAgent: 6 });
  admin = await signInAs(app, t.db, { tenantId: org.tenantId, grants: [{ role: 'admin' }] });
  auditorA = await signInAs(app, t.db, { tenantId: org.tenantId, grants: [{ role: 'client_auditor', clientId: org.clients.a.id }] });
  shopper = await signInAs(app, t.db, { tenantId: org.tenantId, grants: [{ role: 'mystery_shopper' }], personId: org.agents.b2.id });
  agent = await signInAs(app, t.db, { tenantId: org.tenantId, grants: [{ role: 'agent' }], personId: org.agents.a1.id });
  scenarioA = await storeScenario(t.db, org.tenantId, org.programs.a.id, ['Final bill (draft)', 'Final bill after moving']);
  const scenarioB = await storeScenario(t.db, org.tenantId, org.programs.b.id, ['Claim status']);
  const [v1, v2] = scenarioA.versionIds as [number, number];
  // Program A, November: Monday 2 Nov 08:xx local (UTC+1): 2 of 4 within 30 s; Friday 6 Nov 16:xx: 1 of 2 reached, late.
  const a: MysteryRow[] = [
    {
      dialledAt: at('2026-11-02T07:05:00Z'),
      answerSeconds: 12,
      menuSteps: 2,
      rightAnswerGiven: true,
      opportunityTaken: true,
      scenarioVersionId: v1
    },
    {
      dialledAt: at('2026-11-02T07:20:00Z'),
      answerSeconds: 25,
      menuSteps: 3,
      rightAnswerGiven: false,
      opportunityTaken: null,
      scenarioVersionId: v2
    },
    { dialledAt: at('2026-11-02T07:40:00Z'), answerSeconds: 95, menuSteps: 3, transfers: 2, rightAnswerGiven: true, scenarioVersionId: v2 },
    { dialledAt: at('2026-11-02T07:50:00Z'), answerSeconds: null, menuSteps: 4, scenarioVersionId: v2 },
    {
      dialledAt: at('2026-11-06T15:10:00Z'),
      answerSeconds: 240,
      menuSteps: 2,
      rightAnswerGiven: false,
      opportunityTaken: false,
      scenarioVersionId: v2
    },
    { dialledAt: at('2026-11-06T15:30:00Z'), answerSeconds: null, gaveUp: true, menuSteps: 2, scenarioVersionId: v2 },
    // 31 October 23:30 local: outside November.
    { dialledAt: at('2026-10-31T22:30:00Z'), answerSeconds: 5, scenarioVersionId: v1 }
  ];
  await storeMysteryCalls(t.db, {
    tenantId: org.tenantId,
    programId: org.programs.a.id,
    shopperId: org.agents.b2.id,
    targetSeconds: 30,
    calls: a
  });
  await storeMysteryCalls(t.db, {
    tenantId: org.tenantId,
    programId: org.programs.b.id,
    shopperId: org.agents.b2.id,
    calls: [
      { dialledAt: at('2026-11-03T09:00:00Z'), answerSeconds: 8, rightAnswerGiven: true, scenarioVersionId: scenarioB.versionIds[0]! },
      { dialledAt: at('2026-11-03T09:30:00Z'), answerSeconds: 9, rightAnswerGiven: true, scenarioVersionId: scenarioB.versionIds[0]! }
    ]
  });
});
afterAll(() => t.cleanup());

const get = async (who: Session | null, path: string) => {
  const res = await app.request(path, { headers: who?.headers ?? {} });
  return { status: res.status, body: (await res.json()) as any };
};

describe('GET /api/mystery/reachability', () => {
  it('an admin reads every program, last full month by default, per local weekday × hour', async () => {
    const r = await get(admin, '/api/mystery/reachability');
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ from: '2026-11-01', to: '2026-11-30', timeZone: 'Europe/Amsterdam', programId: null });
    expect(r.body.programs.map((p: any) => p.id).sort()).toEqual([org.programs.a.id, org.programs.b.id].sort());
    expect(r.body.overall.n).toBe(8);
    expect(r.body.cells.reduce((s: number, c: any) => s + c.n, 0)).toBe(8);
  });

  it("one program: its plans' target, service level over all calls, p90 and never reached", async () => {
    const r = await get(admin, `/api/mystery/reachability?programId=${org.programs.a.id}&from=2026-11-01&to=2026-11-30`);
    expect(r.status).toBe(200);
    const o = r.body.overall;
    expect(r.body.targetSeconds).toBe(30);
    expect(o.n).toBe(6);
    expect(o.serviceLevel.estimate).toBeCloseTo(2 / 6, 12);
    expect(o.serviceLevel.low).toBeGreaterThan(0);
    expect(o.neverReached.estimate).toBeCloseTo(2 / 6, 12);
    expect(o.meanAnswerSeconds).toMatchObject({ n: 4, estimate: (12 + 25 + 95 + 240) / 4 });
    expect(o.p90AnswerSeconds).toMatchObject({ n: 4, estimate: 240, high: null });
    expect(o.menuSteps.estimate).toBeCloseTo(16 / 6, 12);
    expect(o.transfers.estimate).toBeCloseTo(0.5, 12);
    expect(r.body.cells.map((c: any) => [c.weekday, c.hour, c.n, c.serviceLevel.estimate])).toEqual([
      [1, 8, 4, 0.5],
      [5, 16, 2, 0]
    ]);
  });

  it("the imported calls' service level: inbound calls of the programs in the period, answered calls only", async () => {
    const c = schema.calls;
    const [want] = await t.db
      .select({ n: count(), within: sql<number>`sum(${c.answerSeconds} <= 30)` })
      .from(c)
      .where(
        and(
          eq(c.programId, org.programs.a.id),
          eq(c.direction, 'inbound'),
          gte(c.startedAt, at('2026-10-31T23:00:00Z')),
          lt(c.startedAt, at('2026-11-30T23:00:00Z'))
        )
      );
    expect(want!.n).toBeGreaterThan(0);
    const r = await get(admin, `/api/mystery/reachability/imported?programId=${org.programs.a.id}&from=2026-11-01&to=2026-11-30`);
    expect(r.status).toBe(200);
    expect(r.body.targetSeconds).toBe(30);
    expect(r.body.n).toBe(want!.n);
    expect(r.body.serviceLevel.estimate).toBeCloseTo(Number(want!.within) / want!.n, 12);
    expect(r.body.cells.reduce((s: number, x: any) => s + x.n, 0)).toBe(want!.n);
    // The days count on the local clock: the call at 23:30 local on 31 October belongs to October.
    const oct = await get(admin, `/api/mystery/reachability?programId=${org.programs.a.id}&from=2026-10-31&to=2026-10-31`);
    expect(oct.body.overall.n).toBe(1);
  });

  it("a client auditor sees its own clients' programs only; another program does not exist for it", async () => {
    const r = await get(auditorA, '/api/mystery/reachability?from=2026-11-01&to=2026-11-30');
    expect(r.status).toBe(200);
    expect(r.body.programs.map((p: any) => p.id)).toEqual([org.programs.a.id]);
    expect(r.body.overall.n).toBe(6);
    const foreign = await get(auditorA, `/api/mystery/reachability?programId=${org.programs.b.id}`);
    expect(foreign.status).toBe(404);
    expect((await get(auditorA, `/api/mystery/scenario-results?programId=${org.programs.b.id}`)).status).toBe(404);
    expect((await get(auditorA, `/api/mystery/reachability/imported?programId=${org.programs.b.id}`)).status).toBe(404);
  });

  it('shoppers, agents and strangers are refused', async () => {
    expect((await get(null, '/api/mystery/reachability')).status).toBe(401);
    expect((await get(shopper, '/api/mystery/reachability')).status).toBe(403);
    expect((await get(agent, '/api/mystery/reachability')).status).toBe(403);
    expect((await get(shopper, '/api/mystery/scenario-results')).status).toBe(403);
    expect((await get(agent, '/api/mystery/scenario-results')).status).toBe(403);
    expect((await get(shopper, '/api/mystery/reachability/imported')).status).toBe(403);
  });

  it('bad dates and ids → 400 naming the field', async () => {
    const cases: [string, string][] = [
      ['from=2026-13-01&to=2026-12-01', 'from'],
      ['from=2026-02-30&to=2026-03-01', 'from'],
      ['from=2026-11-10&to=2026-11-01', 'to'],
      ['from=2026-11-01', 'to'],
      ['to=2026-11-01', 'from'],
      ['from=2024-01-01&to=2026-01-01', 'to'],
      ['programId=0x10', 'programId'],
      ['programId=%201', 'programId']
    ];
    for (const [q, path] of cases) {
      const r = await get(admin, `/api/mystery/reachability?${q}`);
      expect(r.status, q).toBe(400);
      expect(
        r.body.error.details.map((d: any) => d.path),
        q
      ).toContain(path);
    }
    expect((await get(admin, '/api/mystery/reachability?programId=987654')).status).toBe(404);
  });
});

describe('GET /api/mystery/scenario-results', () => {
  it('rates per scenario (titled by its latest version) and per program, over answered calls where recorded', async () => {
    const r = await get(admin, '/api/mystery/scenario-results?from=2026-11-01&to=2026-11-30');
    expect(r.status).toBe(200);
    const a = r.body.scenarios.find((s: any) => s.scenarioId === scenarioA.scenarioId);
    expect(a).toMatchObject({
      title: 'Final bill after moving',
      programId: org.programs.a.id,
      calls: 6,
      answered: 4,
      rightAnswer: { n: 4, estimate: 0.5 },
      opportunityTaken: { n: 2, estimate: 0.5 }
    });
    const perB = r.body.perProgram.find((p: any) => p.programId === org.programs.b.id);
    expect(perB).toMatchObject({ calls: 2, rightAnswer: { n: 2, estimate: 1 } });
    const mine = await get(auditorA, '/api/mystery/scenario-results?from=2026-11-01&to=2026-11-30');
    expect(mine.body.scenarios.map((s: any) => s.programId)).toEqual([org.programs.a.id]);
    expect(mine.body.perProgram.map((p: any) => p.programId)).toEqual([org.programs.a.id]);
  });
});
