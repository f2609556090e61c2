// app first: @hono/zod-openapi must extend zod before shared schemas are built
import { createApp } from '../src/app.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb } from '@attentive/db/testing';
import { meanInterval, wilsonInterval, systemPrincipal } from '@attentive/core';
import { measureMonths } from '@attentive/core/client-audit/metrics';
import { aggregateRows } from '@attentive/core/evaluations/aggregate-scores';
import { COUNTING_KINDS } from '@attentive/core/evaluations/kinds';
import { loadEnv } from '../src/env.ts';
import { signInAs } from './support/auth.ts';
import { jsonRequests, type H } from './support/requests.ts';
import { clientAuditWorld, type AuditWorld } from './support/client-audit-world.ts';

/**
 * measureMonths, THE writer of every client figure, against a small world with hand-computed figures
 * (support/client-audit-world.ts) and against the modules that compute the same figures for their own
 * screens: aggregateRows (evaluations), GET /mystery/reachability and the survey results.
 */
let t: Awaited<ReturnType<typeof createTestDb>>;
let app: ReturnType<typeof createApp>;
let w: AuditWorld;
let admin: H;
const { get } = jsonRequests(() => app);
const TZ = 'Europe/Amsterdam';
const x100 = (e: { n: number; estimate: number | null; low: number | null; high: number | null }) => ({
  n: e.n,
  estimate: e.estimate! * 100,
  low: e.low! * 100,
  high: e.high! * 100
});

beforeAll(async () => {
  t = await createTestDb();
  app = createApp({ db: t.db, env: loadEnv({ NODE_ENV: 'test' }), now: () => new Date('2026-11-10T10:00:00Z') });
  w = await clientAuditWorld(t.db);
  admin = (await signInAs(app, t.db, { tenantId: w.org.tenantId, grants: [{ role: 'admin' }], name: 'Admin' })).headers;
});
afterAll(() => t.cleanup());

/** The same estimate up to float summation order (SQLite sums in its own order). */
function expectSame(a: { n: number; estimate: number | null; low: number | null; high: number | null }, b: typeof a) {
  expect(a.n).toBe(b.n);
  for (const k of ['estimate', 'low', 'high'] as const) {
    if (b[k] == null) expect(a[k], k).toBeNull();
    else expect(a[k], k).toBeCloseTo(b[k], 9);
  }
}

const scopeA = () => ({ tenantId: w.org.tenantId, programIds: [w.org.programs.a.id], timeZone: TZ });

describe('measureMonths: evaluations', () => {
  it('counts submitted evaluations of counting kinds only, by submission month on the tenant clock', async () => {
    const months = await measureMonths(t.db, scopeA(), ['2026-09', '2026-10', '2026-11']);
    const oct = months.get('2026-10')!;
    // 80, 90 (live counts), 70 (23:30 local on 31 October); not the draft, self, calibration or re-score.
    expectSame(oct.qa_score, meanInterval([80, 90, 70], { bounds: [0, 100] }));
    expect(oct.qa_score).toMatchObject({ n: 3, estimate: 80 });
    expect(oct.customer_friendly_score).toMatchObject({ n: 3, estimate: 80 });
    expect(oct.customer_oriented_score).toMatchObject({ n: 3, estimate: 70 });
    expect(oct.compliance_score.estimate).toBeCloseTo(250 / 3, 9);
    expect(oct.critical_error_free_rate).toEqual(x100(wilsonInterval(2, 3)));
    expect(oct.customer_critical_rate).toEqual(x100(wilsonInterval(1, 3)));
    expect(oct.business_critical_rate).toMatchObject({ n: 3, estimate: 0 });
    // 00:30 on 1 November local is November's; September has its one evaluation.
    expect(months.get('2026-11')!.qa_score).toMatchObject({ n: 1, estimate: 60 });
    expect(months.get('2026-09')!.qa_score).toMatchObject({ n: 1, estimate: 50 });
  });

  it('agrees with the evaluations aggregate (aggregateRows by program) for the same month', async () => {
    const oct = (await measureMonths(t.db, scopeA(), ['2026-10'])).get('2026-10')!;
    const [row] = await aggregateRows(t.db, systemPrincipal(w.org.tenantId, 'test'), {
      groupBy: 'program',
      programId: w.org.programs.a.id,
      from: new Date('2026-09-30T22:00:00Z'),
      to: new Date('2026-10-31T23:00:00Z'),
      kinds: COUNTING_KINDS
    });
    expect(row!.n).toBe(3);
    expectSame(oct.qa_score, row!.overall);
    expectSame(oct.customer_friendly_score, row!.dimensions.customer_friendly);
    expectSame(oct.customer_oriented_score, row!.dimensions.customer_oriented);
    expectSame(oct.compliance_score, row!.dimensions.compliance);
    expect(oct.critical_error_free_rate.estimate).toBeCloseTo(100 - row!.failRate.estimate! * 100, 9);
  });

  it('months may be given in any order, repeated or apart; other programs and an empty scope measure nothing of A', async () => {
    const months = await measureMonths(t.db, scopeA(), ['2026-11', '2026-09', '2026-11']);
    expect([...months.keys()]).toEqual(['2026-09', '2026-11']);
    expect(months.get('2026-09')!.qa_score.n).toBe(1);
    const none = await measureMonths(t.db, { ...scopeA(), programIds: [] }, ['2026-10']);
    expect(none.get('2026-10')!.qa_score).toEqual({ n: 0, estimate: null, low: null, high: null });
    const both = (await measureMonths(t.db, { ...scopeA(), programIds: [w.org.programs.a.id, w.org.programs.b.id] }, ['2026-10'])).get(
      '2026-10'
    )!;
    expect(both.qa_score).toMatchObject({ n: 5, estimate: 76 });
    expect(both.business_critical_rate).toEqual(x100(wilsonInterval(1, 5)));
    const other = (await measureMonths(t.db, { ...scopeA(), tenantId: w.org.tenantId + 999 }, ['2026-10'])).get('2026-10')!;
    expect(other.qa_score.n).toBe(0);
  });

  it('a changed month is measured again: the figures kept per month follow every change to the rows they come from', async () => {
    const db = await createTestDb();
    try {
      const world = await clientAuditWorld(db.db);
      const a = world.org.programs.a.id;
      const scope = { tenantId: world.org.tenantId, programIds: [a], timeZone: TZ };
      const month = async (m: string) => (await measureMonths(db.db, scope, [m])).get(m)!;
      const october = () => month('2026-10');
      expect((await october()).qa_score).toMatchObject({ n: 3, estimate: 80 });
      expect((await october()).qa_score).toMatchObject({ n: 3, estimate: 80 }); // kept
      const c = db.db.$client;
      const submittedOct = `program_id = ${a} AND status = 'submitted' AND submitted_at < ${Date.UTC(2026, 9, 31, 23)}`;
      // A score-only write, as the formula re-score makes it.
      await c.execute(
        `UPDATE evaluations SET overall_score = 60 WHERE ${submittedOct} AND kind IN ('sampled', 'live') AND overall_score = 90`
      );
      expect((await october()).qa_score).toMatchObject({ n: 3, estimate: 70 });
      // A dimension only.
      await c.execute(`UPDATE evaluations SET friendly_score = 0 WHERE ${submittedOct} AND overall_score = 60`);
      expect((await october()).customer_friendly_score.estimate).not.toBe(80);
      // A reopen: the evaluation leaves the month.
      await c.execute(`UPDATE evaluations SET status = 'draft' WHERE ${submittedOct} AND overall_score = 60`);
      expect((await october()).qa_score.n).toBe(2);
      // A submission at 00:30 on 1 November, Amsterdam time (23:30 UTC on 31 October): November's, not October's.
      const nov = (await month('2026-11')).qa_score.n;
      await c.execute(
        `UPDATE evaluations SET status = 'submitted', submitted_at = ${Date.UTC(2026, 9, 31, 23, 30)} WHERE program_id = ${a} AND status = 'draft' AND overall_score = 60`
      );
      expect((await october()).qa_score.n).toBe(2);
      expect((await month('2026-11')).qa_score.n).toBe(nov + 1);
      // Mystery calls, their plan's target, and survey responses.
      const before = await october();
      await c.execute(`UPDATE mystery_calls SET right_answer_given = 1 WHERE program_id = ${a} AND right_answer_given = 0`);
      expect((await october()).mystery_right_answer_rate.estimate).toBeGreaterThan(before.mystery_right_answer_rate.estimate!);
      await c.execute(`INSERT INTO mystery_plans (tenant_id, program_id, month, calls, spread, target_answer_seconds, shopper_ids, created_by, updated_at)
        VALUES (${world.org.tenantId}, ${a}, '2026-10', 4, 'volume', 40, '[]', 'test', 0)
        ON CONFLICT (tenant_id, program_id, month) DO UPDATE SET target_answer_seconds = 40`);
      expect((await october()).mystery_service_level.estimate).toBeGreaterThan(before.mystery_service_level.estimate!);
      await c.execute(`UPDATE survey_responses SET csat = 1 WHERE program_id = ${a}`);
      expect((await october()).csat_mean.estimate).toBe(1);
      await c.execute(`DELETE FROM survey_responses WHERE program_id = ${a}`);
      expect((await october()).csat_mean.n).toBe(0);
      // The triggers are what tells: without the evaluations' update trigger, a change is not seen (the kept figures are served).
      const kept = await october();
      await c.execute('DROP TRIGGER figure_epochs_evaluation_update');
      await c.execute(`UPDATE evaluations SET overall_score = 0 WHERE ${submittedOct}`);
      expect((await october()).qa_score).toEqual(kept.qa_score);
    } finally {
      await db.cleanup();
    }
  });
});

describe('measureMonths: mystery calls and callback surveys', () => {
  it('mystery: service level, never reached and right answers, as the reachability report computes them', async () => {
    const oct = (await measureMonths(t.db, scopeA(), ['2026-10'])).get('2026-10')!;
    expect(oct.mystery_service_level).toEqual(x100(wilsonInterval(2, 4)));
    expect(oct.mystery_never_reached_rate).toEqual(x100(wilsonInterval(1, 4)));
    expect(oct.mystery_right_answer_rate).toEqual(x100(wilsonInterval(1, 2)));
    const res = await get(`/api/mystery/reachability?programId=${w.org.programs.a.id}&from=2026-10-01&to=2026-10-31`, admin);
    const body = await res.json();
    expect(res.status, JSON.stringify(body)).toBe(200);
    expect(oct.mystery_service_level.estimate).toBeCloseTo(body.overall.serviceLevel.estimate * 100, 9);
    expect(oct.mystery_service_level.low).toBeCloseTo(body.overall.serviceLevel.low * 100, 9);
    expect(oct.mystery_never_reached_rate.estimate).toBeCloseTo(body.overall.neverReached.estimate * 100, 9);
  });

  it('surveys: CSAT mean and top-2, FCR and NPS of the month’s lists, as the survey results compute them', async () => {
    const oct = (await measureMonths(t.db, scopeA(), ['2026-10'])).get('2026-10')!;
    expect(oct.csat_mean).toMatchObject({ n: 3 });
    expect(oct.csat_mean.estimate).toBeCloseTo(11 / 3, 9);
    expect(oct.csat_top2).toEqual(x100(wilsonInterval(2, 3)));
    expect(oct.fcr).toEqual(x100(wilsonInterval(2, 3)));
    expect(oct.nps).toMatchObject({ n: 3 });
    expect(oct.nps.estimate).toBeCloseTo(100 / 3, 9);
    const res = await get(`/api/surveys/results?programId=${w.org.programs.a.id}&from=2026-10-01&to=2026-10-31`, admin);
    const body = await res.json();
    expect(res.status, JSON.stringify(body).slice(0, 300)).toBe(200);
    const metric = (id: string) => body.metrics.find((m: { id: string }) => m.id === id).value;
    expectSame(oct.csat_mean, metric('csat_mean'));
    expectSame(oct.nps, metric('nps'));
    expect(oct.fcr.estimate).toBeCloseTo(metric('fcr_solved').estimate * 100, 9);
    expect((await measureMonths(t.db, scopeA(), ['2026-09'])).get('2026-09')!.csat_mean.n).toBe(0);
  });
});
