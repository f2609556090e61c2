// app first: @hono/zod-openapi must extend zod before shared schemas are built
import { createApp } from '../src/app.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb } from '@attentive/db/testing';
import { seedDemoIfEmpty, startOfUtcDay } from '@attentive/db/demo/seed';
import { seedDemoMystery } from '@attentive/db/demo/mystery';
import { isBusySpell } from '@attentive/db/demo/mystery-reach';
import type { ScorecardDefinition } from '@attentive/shared/scorecard';
import { cachedScoreDiff, cachedScoreOf } from '@attentive/core/evaluations/cached-score';
import { reportProblems } from '@attentive/core/mystery/calls/validate-report';
import { lastClosedPeriod, localTime, periodContaining } from '@attentive/core/sampling/period';
import { DEMO_PASSWORD } from '@attentive/db/demo/accounts';
import { scoresVerifyReport } from '../src/cli/scores-verify.ts';
import { loadEnv } from '../src/env.ts';
import { signInWithPassword } from './support/auth.ts';

/**
 * The demo's mystery calls (issue 13, "Must hold": a month of completed mystery calls with realistic
 * reachability, worse on Monday morning and Friday afternoon). Every figure is computed here from the rows.
 */
const now = startOfUtcDay();
let t: Awaited<ReturnType<typeof createTestDb>>;
let tz: string;
const sql = async (q: string, args: (string | number)[] = []) => (await t.db.$client.execute({ sql: q, args })).rows;
const json = <T>(v: unknown) => JSON.parse(String(v)) as T;

beforeAll(async () => {
  t = await createTestDb();
  await seedDemoIfEmpty(t.db, { calls: 20_000, transcripts: 40, now });
  tz = String((await sql("select time_zone from tenants where slug = 'demo'"))[0]!.time_zone);
}, 180_000);
afterAll(() => t.cleanup());

/** The last full month's mystery calls with what reachability needs. */
const lastMonthCalls = async () => {
  const month = lastClosedPeriod('month', now, tz).label;
  return sql(
    `select c.*, p.target_answer_seconds, pr.code as program from mystery_calls c
     join mystery_assignments a on a.id = c.assignment_id join mystery_plans p on p.id = a.plan_id
     join programs pr on pr.id = c.program_id where p.month = ?`,
    [month]
  );
};

describe('demo mystery calls', () => {
  it('has a published plan of 60–80 calls for the last full month per program, every call completed and recorded', async () => {
    const month = lastClosedPeriod('month', now, tz);
    const plans = await sql(
      `select pr.code, cl.code as client, p.status, p.calls, count(a.id) as n, sum(a.status = 'completed') as done,
              count(c.id) as recorded, min(c.dialled_at) as first, max(c.dialled_at) as last
       from mystery_plans p join programs pr on pr.id = p.program_id join clients cl on cl.id = pr.client_id
       join mystery_assignments a on a.plan_id = p.id left join mystery_calls c on c.assignment_id = a.id
       where p.month = ? group by p.id order by pr.code`,
      [month.label]
    );
    expect(plans.map((p) => p.code)).toEqual(['EN-CARE', 'TC-CARE']);
    // The demo energy auditor sees one of them.
    expect(plans.map((p) => p.client)).toContain('ENERGY');
    for (const p of plans) {
      expect(p.status).toBe('published');
      expect(Number(p.n)).toBe(Number(p.calls));
      expect(Number(p.n)).toBeGreaterThanOrEqual(60);
      expect(Number(p.n)).toBeLessThanOrEqual(80);
      expect(Number(p.done)).toBe(Number(p.n));
      expect(Number(p.recorded)).toBe(Number(p.n));
      expect(Number(p.first)).toBeGreaterThanOrEqual(month.start.getTime());
      expect(Number(p.last)).toBeLessThan(month.end.getTime());
    }
    const shoppers = await sql(
      `select distinct pe.code from mystery_calls c join people pe on pe.id = c.shopper_id
       join role_assignments r on r.person_id = pe.id and r.role = 'mystery_shopper' order by pe.code`
    );
    expect(shoppers.map((s) => s.code)).toEqual(['MS01', 'MS02']);
  });

  it('is clearly less reachable on Monday morning and Friday afternoon than the rest of the week', async () => {
    const local = localTime(tz);
    const groups = { busy: { n: 0, within: 0, lost: 0 }, rest: { n: 0, within: 0, lost: 0 } };
    for (const c of await lastMonthCalls()) {
      const { isoDow, hour } = local(Number(c.dialled_at));
      const g = groups[isBusySpell(isoDow, hour) ? 'busy' : 'rest'];
      g.n++;
      if (c.outcome !== 'answered') g.lost++;
      else if (Number(c.answered_at) - Number(c.dialled_at) <= Number(c.target_answer_seconds) * 1000) g.within++;
    }
    const level = (g: { n: number; within: number }) => g.within / g.n;
    expect(groups.busy.n).toBeGreaterThanOrEqual(8);
    expect(level(groups.rest)).toBeGreaterThan(0.5);
    expect(level(groups.busy)).toBeLessThan(level(groups.rest) - 0.3);
    expect(groups.busy.lost / groups.busy.n).toBeGreaterThan(groups.rest.lost / groups.rest.n);
  });

  it('looks like real calls: 2–4 menu steps, mostly answered in 20–40 s, ~75% right answers, ~40% opportunities', async () => {
    const rows = await lastMonthCalls();
    const answered = rows.filter((c) => c.outcome === 'answered');
    const share = (xs: unknown[], f: (x: (typeof rows)[number]) => boolean) => (xs as typeof rows).filter(f).length / xs.length;
    expect(rows.every((c) => Number(c.menu_steps) >= 2 && Number(c.menu_steps) <= 4)).toBe(true);
    expect(rows.every((c) => json<string[]>(c.menu_choices).length === Number(c.menu_steps))).toBe(true);
    expect(share(rows, (c) => c.outcome === 'answered')).toBeGreaterThan(0.85);
    const tta = answered.map((c) => (Number(c.answered_at) - Number(c.dialled_at)) / 1000).sort((a, b) => a - b);
    expect(tta[Math.floor(tta.length / 2)]).toBeGreaterThanOrEqual(20);
    expect(tta[Math.floor(tta.length / 2)]).toBeLessThanOrEqual(40);
    expect(share(answered, (c) => Number(c.transfers) > 0)).toBeGreaterThan(0.05);
    expect(share(answered, (c) => Number(c.hold_seconds) > 0)).toBeGreaterThan(0.2);
    expect(share(answered, (c) => Number(c.resolved) === 1)).toBeGreaterThan(0.7);
    expect(share(answered, (c) => Number(c.right_answer_given) === 1)).toBeGreaterThan(0.6);
    expect(share(answered, (c) => Number(c.right_answer_given) === 1)).toBeLessThan(0.9);
    expect(share(answered, (c) => Number(c.opportunity_taken) === 1)).toBeGreaterThan(0.25);
    expect(share(answered, (c) => Number(c.opportunity_taken) === 1)).toBeLessThan(0.55);
  });

  it("passes the shopper form's rules on every row", async () => {
    for (const c of await sql('select * from mystery_calls')) {
      const report = {
        dialledAt: new Date(Number(c.dialled_at)),
        outcome: c.outcome as 'answered',
        answeredAt: c.answered_at == null ? null : new Date(Number(c.answered_at)),
        gaveUpAfterSeconds: c.gave_up_after_seconds == null ? null : Number(c.gave_up_after_seconds),
        menuSteps: Number(c.menu_steps),
        menuChoices: json<string[]>(c.menu_choices),
        holdSeconds: Number(c.hold_seconds),
        transfers: Number(c.transfers),
        resolved: c.resolved == null ? null : Boolean(c.resolved),
        agentNameGiven: c.agent_name_given == null ? null : String(c.agent_name_given),
        rightAnswerGiven: c.right_answer_given == null ? null : Boolean(c.right_answer_given),
        opportunityTaken: c.opportunity_taken == null ? null : Boolean(c.opportunity_taken),
        notes: String(c.notes)
      };
      expect(reportProblems(report, now), `mystery call ${c.id}`).toEqual([]);
    }
  });

  it('gives every answered call a submitted mystery evaluation by the shopper, scored by the formula; nobody answered: none', async () => {
    const rows = await sql(
      `select c.id, c.outcome, c.shopper_id, c.matched_call_id, e.id as eid, e.kind, e.status, e.evaluator_id, e.agent_id, e.program_id,
              c.program_id as cprogram, e.answers, e.overall_score, e.dimension_scores, e.friendly_score, e.oriented_score,
              e.compliance_score, e.failed, e.critical_flags, v.definition, sc.purpose,
              (select count(*) from evaluation_revisions r where r.evaluation_id = e.id and r.revision = 1) as revisions
       from mystery_calls c left join evaluations e on e.id = c.evaluation_id
       left join scorecard_versions v on v.id = e.scorecard_version_id left join scorecards sc on sc.id = v.scorecard_id`
    );
    expect(rows.length).toBeGreaterThan(120);
    let friendly = 0;
    let oriented = 0;
    for (const r of rows) {
      if (r.outcome !== 'answered') {
        expect(r.eid, `mystery call ${r.id}`).toBeNull();
        continue;
      }
      expect([r.kind, r.status, r.purpose, Number(r.revisions)]).toEqual(['mystery', 'submitted', 'mystery', 1]);
      expect(r.evaluator_id).toBe(r.shopper_id);
      expect(r.program_id).toBe(r.cprogram);
      const expected = cachedScoreOf(json<ScorecardDefinition>(r.definition), json(r.answers)).cached;
      const stored = {
        overallScore: r.overall_score as number | null,
        dimensionScores: json<Record<string, number | null>>(r.dimension_scores),
        friendlyScore: r.friendly_score as number | null,
        orientedScore: r.oriented_score as number | null,
        complianceScore: r.compliance_score as number | null,
        failed: Boolean(r.failed),
        criticalFlags: json<string[]>(r.critical_flags)
      };
      expect(cachedScoreDiff(stored, expected), `evaluation ${r.eid}`).toBeNull();
      friendly += Number(r.friendly_score);
      oriented += Number(r.oriented_score);
    }
    // As elsewhere in the demo: friendly behaviour scores higher than customer-oriented behaviour.
    expect(friendly).toBeGreaterThan(oriented);
    expect((await scoresVerifyReport(t.db)).ok).toBe(true);
  });

  it('matches about 60% of the answered calls to the agent of an imported call of that program and time; the rest have no agent', async () => {
    const rows = await sql(
      `select c.id, c.dialled_at, c.answered_at, c.program_id, c.matched_call_id, c.matched_at, c.matched_by, e.agent_id,
              k.agent_id as call_agent, k.program_id as call_program, k.started_at
       from mystery_calls c join evaluations e on e.id = c.evaluation_id left join calls k on k.id = c.matched_call_id`
    );
    const matched = rows.filter((r) => r.matched_call_id != null);
    expect(matched.length / rows.length).toBeGreaterThan(0.45);
    expect(matched.length / rows.length).toBeLessThan(0.75);
    for (const r of matched) {
      expect(r.agent_id).toBe(r.call_agent);
      expect(r.call_program).toBe(r.program_id);
      expect(Number(r.started_at)).toBeGreaterThan(Number(r.dialled_at));
      expect(Number(r.started_at)).toBeLessThanOrEqual(Number(r.answered_at));
      expect(r.matched_by).toBeTruthy();
      expect(Number(r.matched_at)).toBeLessThanOrEqual(now.getTime());
    }
    for (const r of rows.filter((x) => x.matched_call_id == null)) expect(r.agent_id, `mystery call ${r.id}`).toBeNull();
    expect(new Set(matched.map((r) => r.matched_call_id)).size).toBe(matched.length);
  });

  it('has a mystery-call form per program sharing the call scorecard items by id, and a versioned scenario library', async () => {
    const forms = await sql(
      `select sc.program_id, v.version, v.status, v.definition from scorecards sc join scorecard_versions v on v.scorecard_id = sc.id
       where sc.purpose = 'mystery' order by sc.program_id`
    );
    expect(forms.map((f) => [f.version, f.status])).toEqual([
      [1, 'published'],
      [1, 'published']
    ]);
    const [callCard] = await sql(
      "select v.definition from scorecards sc join scorecard_versions v on v.scorecard_id = sc.id where sc.purpose = 'calls' and sc.program_id is null order by v.version desc limit 1"
    );
    const items = (d: unknown) => new Map(json<ScorecardDefinition>(d).sections.flatMap((s) => s.items.map((i) => [i.id, i] as const)));
    const callItems = items(callCard!.definition);
    for (const f of forms) {
      const own = [...items(f.definition).values()];
      const shared = own.filter((i) => callItems.has(i.id));
      expect(shared.length).toBeGreaterThanOrEqual(6);
      for (const i of shared) expect(i).toEqual(callItems.get(i.id));
      expect(own.length - shared.length).toBeGreaterThanOrEqual(2);
      expect(own.length - shared.length).toBeLessThanOrEqual(3);
    }
    const library = await sql(
      `select s.program_id, count(distinct s.id) as scenarios, sum(s.retired_at is not null) as retired, max(v.version) as newest
       from mystery_scenarios s join mystery_scenario_versions v on v.scenario_id = s.id group by s.program_id`
    );
    for (const l of library) {
      expect(Number(l.scenarios)).toBeGreaterThanOrEqual(6);
      expect(Number(l.scenarios)).toBeLessThanOrEqual(8);
      expect(Number(l.retired)).toBe(1);
      expect(Number(l.newest)).toBe(2);
    }
  });

  it('reads through the evaluations API: the admin sees agent-less ones, the energy auditor only its own program', async () => {
    const app = createApp({ db: t.db, env: loadEnv({ NODE_ENV: 'test' }) });
    const get = async (who: string, path: string) => {
      const res = await app.request(path, { headers: await signInWithPassword(app, `${who}@demo.attentive.test`, DEMO_PASSWORD) });
      expect(res.status, path).toBe(200);
      return res.json();
    };
    const all = await get('admin', '/api/evaluations?kind=mystery&limit=200');
    expect(all.items.length).toBeGreaterThan(100);
    const unmatched = all.items.find((e: { agentId: number | null }) => e.agentId == null);
    expect(unmatched.agentName).toBeNull();
    expect((await get('admin', `/api/evaluations/${unmatched.id}`)).evaluation.id).toBe(unmatched.id);
    const [energy] = await sql("select p.id from programs p where p.code = 'EN-CARE'");
    const seen = await get('auditor.energy', '/api/evaluations?kind=mystery&limit=200');
    expect(seen.items.length).toBeGreaterThan(30);
    expect(seen.items.every((e: { programId: number }) => e.programId === Number(energy!.id))).toBe(true);
  });

  it("leaves shopper MS01 open assignments in this month's plan, some in the coming days", async () => {
    const month = periodContaining('month', now, tz);
    const open = await sql(
      `select a.window_start from mystery_assignments a join mystery_plans p on p.id = a.plan_id join people pe on pe.id = a.shopper_id
       where p.month = ? and p.status = 'published' and pe.code = 'MS01' and a.status = 'planned'`,
      [month.label]
    );
    expect(open.every((a) => Number(a.window_start) >= now.getTime())).toBe(true);
    expect(open.filter((a) => Number(a.window_start) < now.getTime() + 7 * 86_400_000).length).toBeGreaterThan(0);
  });

  it('seeds the same rows again for the same seed and date, and nothing the second time', async () => {
    const fingerprint = async (db: typeof t) =>
      (
        await db.db.$client.execute('select dialled_at, outcome, answered_at, menu_choices, matched_call_id from mystery_calls order by id')
      ).rows.map((r) => JSON.stringify(r));
    const again = await createTestDb();
    try {
      await seedDemoIfEmpty(again.db, { calls: 20_000, transcripts: 40, now });
      expect(await fingerprint(again)).toEqual(await fingerprint(t));
    } finally {
      again.cleanup();
    }
    const [tenant] = await sql("select id from tenants where slug = 'demo'");
    expect(await seedDemoMystery(t.db, Number(tenant!.id), now)).toEqual({ calls: 0 });
  }, 120_000);
});
