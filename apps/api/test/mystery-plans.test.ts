// app first: @hono/zod-openapi must extend zod before shared schemas are built
import { createApp } from '../src/app.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count, eq } from 'drizzle-orm';
import { createTestDb } from '@attentive/db/testing';
import { createFixtureOrg, type FixtureOrg } from '@attentive/db/fixtures';
import { schema } from '@attentive/db';
import { loadEnv } from '../src/env.ts';
import { signInAs } from './support/auth.ts';
import { jsonRequests } from './support/requests.ts';
import { addScenario, addShopper } from './support/mystery-plan-fixtures.ts';

/**
 * Mystery-call plans through the API (issue 13): draft → preview → publish → assignments spread as
 * planned, by imported volume and by a chosen grid; bad input refused with the field named and nothing
 * stored; only managers; stale versions and second publishes refused.
 */

let t: Awaited<ReturnType<typeof createTestDb>>;
let app: ReturnType<typeof createApp>;
let org: FixtureOrg;
type Session = Awaited<ReturnType<typeof signInAs>>;
let admin: Session, qa: Session, shopper: Session, agent: Session, auditor: Session;
let shopper2: number;
const scenario: Record<string, number> = {};
// Wednesday 2 December 2026; the tenant's clock is Europe/Amsterdam (CET, UTC+1 in Nov–Jan).
const NOW = new Date('2026-12-02T10:00:00Z');

const { req } = jsonRequests(() => app);
/** A request as `who` (null: nobody signed in), answered with its status and parsed body. */
const call = async (who: Session | null, method: string, path: string, body?: unknown) => {
  const res = await req(method, path, who?.headers ?? {}, body);
  return { status: res.status, body: (await res.json()) as any };
};
const plans = async () =>
  Number((await t.db.select({ n: count() }).from(schema.mysteryPlans).where(eq(schema.mysteryPlans.tenantId, org.tenantId)))[0]!.n);

/** Imported calls of program a in November: Mondays 09:00 local (40), Wednesdays 14:00 (20); noise that must not count. */
async function importCalls() {
  const rows: (typeof schema.calls.$inferInsert)[] = [];
  let n = 0;
  const add = (iso: string, opts: { direction?: 'inbound' | 'outbound'; program?: number } = {}) =>
    rows.push({
      tenantId: org.tenantId,
      source: 'test',
      externalId: `v-${++n}`,
      programId: opts.program ?? org.programs.a.id,
      agentId: org.agents.a1.id,
      direction: opts.direction ?? 'inbound',
      startedAt: new Date(iso),
      answerSeconds: 12,
      talkSeconds: 200,
      holdSeconds: 0,
      transfers: 0,
      disposition: 'resolved'
    });
  for (const d of ['02', '09', '16', '23', '30']) for (let i = 0; i < 8; i++) add(`2026-11-${d}T08:${String(i * 7).padStart(2, '0')}:00Z`);
  for (const d of ['04', '11', '18', '25']) for (let i = 0; i < 5; i++) add(`2026-11-${d}T13:${String(i * 11).padStart(2, '0')}:00Z`);
  for (let i = 0; i < 30; i++) add(`2026-11-10T09:${String(i).padStart(2, '0')}:00Z`, { direction: 'outbound' });
  for (let i = 0; i < 10; i++) add(`2026-11-12T10:${String(i).padStart(2, '0')}:00Z`, { program: org.programs.b.id });
  // Today: after the weeks a plan weighs by.
  for (let i = 0; i < 5; i++) add(`2026-12-02T09:${String(i).padStart(2, '0')}:00Z`);
  await t.db.insert(schema.calls).values(rows);
}

beforeAll(async () => {
  t = await createTestDb();
  app = createApp({ db: t.db, env: loadEnv({ NODE_ENV: 'test' }), now: () => NOW });
  org = await createFixtureOrg(t.db, { callsPerAgent: 0 });
  const tenantId = org.tenantId;
  admin = await signInAs(app, t.db, { tenantId, grants: [{ role: 'admin' }] });
  qa = await signInAs(app, t.db, { tenantId, grants: [{ role: 'qa_analyst' }] });
  shopper = await signInAs(app, t.db, { tenantId, grants: [{ role: 'mystery_shopper' }], name: 'Shopper One' });
  agent = await signInAs(app, t.db, { tenantId, grants: [{ role: 'agent' }], personId: org.agents.a1.id });
  auditor = await signInAs(app, t.db, { tenantId, grants: [{ role: 'client_auditor', clientId: org.clients.a.id }] });
  shopper2 = await addShopper(t.db, tenantId, 'Shopper Two');
  scenario.easy = (await addScenario(t.db, tenantId, org.programs.a.id, 'Meter reading', { difficulty: 'easy' })).versionId;
  scenario.medium = (await addScenario(t.db, tenantId, org.programs.a.id, 'Moving house', { versions: 2 })).versionId;
  scenario.hard = (await addScenario(t.db, tenantId, org.programs.a.id, 'Complaint', { difficulty: 'hard' })).versionId;
  scenario.retired = (await addScenario(t.db, tenantId, org.programs.a.id, 'Old tariff', { retired: true })).versionId;
  await importCalls();
});
afterAll(() => t.cleanup());

const base = () => ({ programId: org.programs.a.id, calls: 30, shopperIds: [shopper.personId, shopper2] });

describe('mystery-call plans API', () => {
  it('refuses shoppers, agents, client auditors and anonymous callers', async () => {
    for (const who of [shopper, agent, auditor]) {
      expect((await call(who, 'GET', '/api/mystery/plans')).status).toBe(403);
      expect((await call(who, 'POST', '/api/mystery/plans', { ...base(), month: '2027-01', spread: 'volume' })).status).toBe(403);
    }
    expect((await call(null, 'GET', '/api/mystery/plans')).status).toBe(401);
    expect(await plans()).toBe(0);
  });

  it('bad input → 400 naming the field; nothing stored', async () => {
    const cases: [unknown, string][] = [
      [{ ...base(), month: '2027-13', spread: 'volume' }, 'month'],
      [{ ...base(), month: '2027-01', spread: 'volume', calls: 0 }, 'calls'],
      [{ ...base(), month: '2027-01', spread: 'volume', calls: 501 }, 'calls'],
      [{ ...base(), month: '2027-01', spread: 'volume', calls: 2.5 }, 'calls'],
      [{ ...base(), month: '2027-01', spread: 'weekly' }, 'spread'],
      [{ ...base(), month: '2027-01', spread: 'grid', grid: [] }, 'grid'],
      [{ ...base(), month: '2027-01', spread: 'grid', grid: [{ weekday: 8, hour: 9, weight: 1 }] }, 'grid.0.weekday'],
      [{ ...base(), month: '2027-01', spread: 'grid', grid: [{ weekday: 5, hour: 24, weight: 1 }] }, 'grid.0.hour'],
      [{ ...base(), month: '2027-01', spread: 'grid', grid: [{ weekday: 5, hour: 17, weight: -1 }] }, 'grid.0.weight'],
      [{ ...base(), month: '2027-01', spread: 'volume', shopperIds: [shopper.personId, org.agents.a1.id] }, 'shopperIds.1'],
      [{ ...base(), month: '2027-01', spread: 'volume', shopperIds: [] }, 'shopperIds'],
      [{ ...base(), month: '2027-01', spread: 'volume', targetAnswerSeconds: 0 }, 'targetAnswerSeconds']
    ];
    for (const [body, path] of cases) {
      const r = await call(admin, 'POST', '/api/mystery/plans', body);
      expect(r.status, JSON.stringify(body)).toBe(400);
      expect(r.body.error.details.map((d: { path: string }) => d.path)).toContain(path);
    }
    expect(
      (await call(admin, 'POST', '/api/mystery/plans', { ...base(), programId: 999999, month: '2027-01', spread: 'volume' })).status
    ).toBe(404);
    expect((await call(admin, 'GET', '/api/mystery/plans/0x10')).status).toBe(400);
    expect((await call(admin, 'GET', '/api/mystery/plans/%201')).status).toBe(400);
    expect((await call(admin, 'GET', '/api/mystery/plans/999999')).status).toBe(404);
    expect(await plans()).toBe(0);
  });

  it('weighs a volume plan by the imported inbound calls per local weekday × hour', async () => {
    const v = await call(admin, 'GET', `/api/mystery/plans/volume?programId=${org.programs.a.id}&month=2027-01`);
    expect(v.status).toBe(200);
    // January has not started: the 8 weeks before today (Wednesday 2 December), local midnights.
    expect(v.body).toMatchObject({ from: '2026-10-06T22:00:00.000Z', to: '2026-12-01T23:00:00.000Z', calls: 60 });
    expect(v.body.cells).toEqual([
      { weekday: 1, hour: 9, weight: 40 },
      { weekday: 3, hour: 14, weight: 20 }
    ]);
  });

  let volumePlan: any;
  it('drafts, previews and publishes a volume plan: the assignments are spread as previewed', async () => {
    const created = await call(qa, 'POST', '/api/mystery/plans', { ...base(), month: '2027-01', spread: 'volume' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ status: 'draft', version: 1, targetAnswerSeconds: 20, month: '2027-01' });
    expect(created.body.shoppers.map((s: { name: string }) => s.name)).toEqual(['Shopper One', 'Shopper Two']);
    volumePlan = created.body;
    const preview = await call(admin, 'GET', `/api/mystery/plans/${volumePlan.id}`);
    expect(preview.status).toBe(200);
    expect(preview.body.activeScenarios).toBe(3);
    expect(preview.body.distribution).toEqual({
      kind: 'preview',
      problem: null,
      cells: [
        { weekday: 1, hour: 9, calls: 20 },
        { weekday: 3, hour: 14, calls: 10 }
      ]
    });
    expect(preview.body.assignments).toEqual([]);

    const published = await call(admin, 'POST', `/api/mystery/plans/${volumePlan.id}/publish`, { version: 1 });
    expect(published.status).toBe(201);
    expect(published.body).toMatchObject({ assignments: 30, plan: { status: 'published', version: 2 } });
    const detail = (await call(admin, 'GET', `/api/mystery/plans/${volumePlan.id}`)).body;
    expect(detail.distribution).toEqual({ ...preview.body.distribution, kind: 'assignments' });
    const rows: any[] = detail.assignments;
    expect(rows).toHaveLength(30);
    // In January, in its cell (CET: 09:00 local = 08:00Z), one hour long.
    for (const a of rows) {
      expect(a.windowStart.slice(0, 7)).toBe('2027-01');
      expect(a.windowStart.slice(11, 19)).toBe(a.weekday === 1 ? '08:00:00' : '13:00:00');
      expect(Date.parse(a.windowEnd) - Date.parse(a.windowStart)).toBe(3_600_000);
      expect(a.status).toBe('planned');
    }
    // Current versions of active scenarios only, none more than ⌈30/3⌉ = 10 times; shoppers 15 each.
    const used = new Map<number, number>();
    for (const a of rows) used.set(a.scenarioVersionId, (used.get(a.scenarioVersionId) ?? 0) + 1);
    expect([...used.keys()].sort()).toEqual([scenario.easy, scenario.medium, scenario.hard].sort());
    for (const n of used.values()) expect(n).toBeLessThanOrEqual(10);
    expect(rows.filter((a) => a.shopperId === shopper2)).toHaveLength(15);
    expect(rows.find((a) => a.scenarioVersionId === scenario.medium).scenarioTitle).toBe('Moving house (v2)');

    const list = await call(admin, 'GET', '/api/mystery/plans');
    expect(list.body.items).toEqual([
      expect.objectContaining({ id: volumePlan.id, status: 'published', planned: 30, completed: 0, cancelled: 0, shoppers: 2 })
    ]);
  });

  it('publishes a month once; a second plan for the same month is refused; a published plan is not edited', async () => {
    const again = await call(admin, 'POST', `/api/mystery/plans/${volumePlan.id}/publish`, {});
    expect(again.status).toBe(409);
    expect(again.body.error.message).toMatch(/published already/);
    const twin = await call(admin, 'POST', '/api/mystery/plans', { ...base(), month: '2027-01', spread: 'volume' });
    expect(twin.status).toBe(409);
    expect((await call(admin, 'PATCH', `/api/mystery/plans/${volumePlan.id}`, { version: 2, calls: 5 })).status).toBe(409);
    expect(await plans()).toBe(1);
    const assignments = await t.db.select({ n: count() }).from(schema.mysteryAssignments);
    expect(assignments[0]!.n).toBe(30);
  });

  it('a grid plan puts its calls in the chosen cells, Friday 17:00 included; a stale version is refused', async () => {
    const grid = [
      { weekday: 5, hour: 17, weight: 1 },
      { weekday: 2, hour: 10, weight: 3 }
    ];
    const created = await call(admin, 'POST', '/api/mystery/plans', { ...base(), month: '2027-02', spread: 'grid', grid, calls: 10 });
    expect(created.status).toBe(201);
    const id = created.body.id;
    const changed = await call(admin, 'PATCH', `/api/mystery/plans/${id}`, { version: 1, calls: 12, targetAnswerSeconds: 30 });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ version: 2, calls: 12, targetAnswerSeconds: 30 });
    const stale = await call(admin, 'PATCH', `/api/mystery/plans/${id}`, { version: 1, calls: 4 });
    expect(stale.status).toBe(409);
    expect(stale.body.error.message).toMatch(/changed by someone else/);
    expect((await call(admin, 'POST', `/api/mystery/plans/${id}/publish`, { version: 1 })).status).toBe(409);
    // Saving the same again changes nothing, not even the version.
    expect((await call(admin, 'PATCH', `/api/mystery/plans/${id}`, { version: 2, calls: 12 })).body.version).toBe(2);

    expect((await call(admin, 'POST', `/api/mystery/plans/${id}/publish`, { version: 2 })).status).toBe(201);
    const detail = (await call(admin, 'GET', `/api/mystery/plans/${id}`)).body;
    expect(detail.distribution.cells).toEqual([
      { weekday: 2, hour: 10, calls: 9 },
      { weekday: 5, hour: 17, calls: 3 }
    ]);
    // Fridays of February 2027: 5, 12, 19 and 26 — 17:00 local is 16:00Z.
    const friday = detail.assignments.filter((a: any) => a.weekday === 5);
    for (const a of friday) expect(a.windowStart).toMatch(/^2027-02-(05|12|19|26)T16:00:00.000Z$/);
    expect(new Set(friday.map((a: any) => a.windowStart)).size).toBe(3);
  });

  it('publishing without active scenarios is refused with a clear message; nothing is created', async () => {
    const created = await call(admin, 'POST', '/api/mystery/plans', {
      ...base(),
      programId: org.programs.b.id,
      month: '2027-01',
      spread: 'grid',
      grid: [{ weekday: 1, hour: 9, weight: 1 }]
    });
    expect(created.status).toBe(201);
    const detail = (await call(admin, 'GET', `/api/mystery/plans/${created.body.id}`)).body;
    expect(detail.activeScenarios).toBe(0);
    expect(detail.distribution.cells).toEqual([{ weekday: 1, hour: 9, calls: 30 }]);
    const r = await call(admin, 'POST', `/api/mystery/plans/${created.body.id}/publish`, {});
    expect(r.status).toBe(409);
    expect(r.body.error.message).toMatch(/no active scenarios/);
    const after = (await call(admin, 'GET', `/api/mystery/plans/${created.body.id}`)).body;
    expect(after.plan.status).toBe('draft');
    expect(after.assignments).toEqual([]);
  });

  it('weighs each program by its own calls; a program without imported calls says so and is not published', async () => {
    await addScenario(t.db, org.tenantId, org.programs.b.id, 'Router reset');
    const b = await call(admin, 'POST', '/api/mystery/plans', {
      ...base(),
      programId: org.programs.b.id,
      month: '2027-03',
      spread: 'volume'
    });
    // Program b's calls: Thursday 12 November, 10:0xZ = 11:0x local.
    expect((await call(admin, 'GET', `/api/mystery/plans/${b.body.id}`)).body.distribution.cells).toEqual([
      { weekday: 4, hour: 11, calls: 30 }
    ]);

    const [quiet] = await t.db
      .insert(schema.programs)
      .values({ tenantId: org.tenantId, clientId: org.clients.a.id, code: 'QUIET', name: 'Quiet line' })
      .returning();
    await addScenario(t.db, org.tenantId, quiet!.id, 'Opening hours');
    const created = await call(admin, 'POST', '/api/mystery/plans', {
      ...base(),
      programId: quiet!.id,
      month: '2027-01',
      spread: 'volume'
    });
    const detail = (await call(admin, 'GET', `/api/mystery/plans/${created.body.id}`)).body;
    expect(detail.distribution).toMatchObject({ cells: [], problem: 'no_volume' });
    const r = await call(admin, 'POST', `/api/mystery/plans/${created.body.id}/publish`, {});
    expect(r.status).toBe(409);
    expect(r.body.error.message).toMatch(/no imported inbound calls/);
  });

  it('reassigns and cancels planned calls only; the new shopper must be a mystery shopper', async () => {
    const detail = (await call(admin, 'GET', `/api/mystery/plans/${volumePlan.id}`)).body;
    const a = detail.assignments.find((x: any) => x.shopperId === shopper.personId);
    const bad = await call(admin, 'POST', `/api/mystery/plans/assignments/${a.id}/reassign`, { shopperId: org.agents.a2.id });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details[0].path).toBe('shopperId');
    expect((await call(shopper, 'POST', `/api/mystery/plans/assignments/${a.id}/reassign`, { shopperId: shopper2 })).status).toBe(403);
    const moved = await call(admin, 'POST', `/api/mystery/plans/assignments/${a.id}/reassign`, { shopperId: shopper2 });
    expect(moved.status).toBe(200);
    expect(moved.body).toEqual({ id: a.id, shopperId: shopper2, status: 'planned' });
    const cancelled = await call(qa, 'POST', `/api/mystery/plans/assignments/${a.id}/cancel`);
    expect(cancelled.body).toEqual({ id: a.id, shopperId: shopper2, status: 'cancelled' });
    expect((await call(admin, 'POST', `/api/mystery/plans/assignments/${a.id}/reassign`, { shopperId: shopper.personId })).status).toBe(
      409
    );
    expect((await call(admin, 'POST', `/api/mystery/plans/assignments/${a.id}/cancel`)).status).toBe(409);
    const after = (await call(admin, 'GET', `/api/mystery/plans/${volumePlan.id}`)).body;
    expect(after.distribution.cells.reduce((s: number, c: any) => s + c.calls, 0)).toBe(29);
    const audit = await t.db.select({ action: schema.auditLog.action }).from(schema.auditLog);
    const actions = audit.map((x) => x.action);
    for (const act of [
      'mystery_plan.create',
      'mystery_plan.update',
      'mystery_plan.publish',
      'mystery_assignment.reassign',
      'mystery_assignment.cancel'
    ])
      expect(actions).toContain(act);
  });
});
