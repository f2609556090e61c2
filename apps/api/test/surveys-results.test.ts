// app first: @hono/zod-openapi must extend zod before shared schemas are built
import { createApp } from '../src/app.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { schema } from '@attentive/db';
import { createTestDb } from '@attentive/db/testing';
import { createFixtureOrg, type FixtureOrg } from '@attentive/db/fixtures';
import { appendAttempt, recordSurveyResponse } from '@attentive/core';
import type { AgentSurveyResults, SurveyAlertList, SurveyResults } from '@attentive/shared/survey-results';
import { loadEnv } from '../src/env.ts';
import { signInAs } from './support/auth.ts';
import { callbackItems, TEST_CONTACT_KEY } from './support/callback-items.ts';
import { publishScorecard } from './support/scorecard.ts';

/**
 * Callback survey results, alerts and their handling against a real database. Items, attempts and responses
 * are made through THE writers (appendAttempt, recordSurveyResponse); every expected figure is computed here
 * from the answers written in this file, not by the code under test.
 */
// Wednesday 2 December 2026: the default period is November.
const NOW = new Date('2026-12-02T10:00:00Z');
let t: Awaited<ReturnType<typeof createTestDb>>;
let app: ReturnType<typeof createApp>;
let org: FixtureOrg;
type Session = Awaited<ReturnType<typeof signInAs>>;
let admin: Session, leadA: Session, leadB: Session, auditorA: Session, auditorB: Session, agent: Session;

type Answers = Record<string, number | boolean | string>;
/** Per item of program A (12 calls): the attempts before the last, and the answers (or the final outcome). */
type Plan = { tries: ('no_answer' | 'voicemail')[]; end: Answers | 'declined' | 'wrong_number' | 'no_answer' | 'open' | 'untried' };
const PLAN: Plan[] = [
  { tries: [], end: { csat: 5, solved: true, recontact: false, effort: 7, recommend: 10, promise: true } },
  { tries: ['no_answer'], end: { csat: 4, solved: true, effort: 6, recommend: 9 } },
  { tries: [], end: { csat: 2, solved: false, recontact: true, effort: 2, recommend: 3, comment: 'Nobody called me back' } },
  { tries: ['voicemail', 'no_answer'], end: { csat: 3, solved: true, effort: 5, recommend: 7, promise: false } },
  { tries: [], end: { csat: 5, solved: true, effort: 4, recommend: 6 } },
  { tries: [], end: { csat: 1, solved: true, effort: 1, recommend: 8 } },
  { tries: ['no_answer'], end: 'declined' },
  { tries: [], end: 'wrong_number' },
  { tries: ['no_answer', 'voicemail'], end: 'no_answer' }, // third try: unreachable
  { tries: ['no_answer'], end: 'open' },
  { tries: [], end: 'untried' },
  { tries: [], end: { csat: 4, solved: false, effort: 3, recommend: 10 } }
];
const answered = PLAN.flatMap((p) => (typeof p.end === 'object' ? [p.end] : []));
let itemIds: number[] = [];
let programAItemAgents: number[] = [];

const at = (iso: string) => new Date(iso);
const get = async <T>(s: Session | null, path: string) => {
  const res = await app.request(path, { headers: s?.headers });
  return { status: res.status, body: (await res.json()) as T };
};

beforeAll(async () => {
  t = await createTestDb();
  app = createApp({ db: t.db, env: loadEnv({ NODE_ENV: 'test', CONTACT_DATA_KEY: TEST_CONTACT_KEY }), now: () => NOW });
  org = await createFixtureOrg(t.db, { callsPerAgent: 7, start: at('2026-11-05T08:00:00Z') });
  admin = await signInAs(app, t.db, { tenantId: org.tenantId, grants: [{ role: 'admin' }] });
  leadA = await signInAs(app, t.db, { tenantId: org.tenantId, grants: [{ role: 'team_lead', teamId: org.teams.a.id }] });
  leadB = await signInAs(app, t.db, { tenantId: org.tenantId, grants: [{ role: 'team_lead', teamId: org.teams.b.id }] });
  auditorA = await signInAs(app, t.db, { tenantId: org.tenantId, grants: [{ role: 'client_auditor', clientId: org.clients.a.id }] });
  auditorB = await signInAs(app, t.db, { tenantId: org.tenantId, grants: [{ role: 'client_auditor', clientId: org.clients.b.id }] });
  agent = await signInAs(app, t.db, { tenantId: org.tenantId, grants: [{ role: 'agent' }], personId: org.agents.a1.id });

  const callsA = org.calls.filter((c) => c.programId === org.programs.a.id);
  // 12 items drawn on 10 November, 1 drawn on 31 October (outside the period).
  const made = await callbackItems(t.db, {
    callIds: callsA.slice(0, 12).map((c) => c.id),
    day: '2026-11-10',
    now: at('2026-11-10T07:00:00Z')
  });
  const before = await callbackItems(t.db, { callIds: [callsA[12]!.id], day: '2026-10-31', now: at('2026-10-31T07:00:00Z') });
  itemIds = made.items.map((i) => i.id);
  programAItemAgents = made.items.map((i) => callsA.find((c) => c.id === i.callId)!.agentId!);
  let clock = at('2026-11-10T09:00:00Z').getTime();
  const tick = () => new Date((clock += 5 * 3_600_000));
  // Read inside the writer's transaction: outside it, a libSQL file database shows the state before it.
  const item = async (id: number, db: Pick<typeof t.db, 'select'> = t.db) =>
    (await db.select().from(schema.callbackItems).where(eq(schema.callbackItems.id, id)))[0]!;
  for (const [i, p] of PLAN.entries()) {
    const id = itemIds[i]!;
    await t.db.transaction(async (tx) => {
      for (const outcome of p.tries) await appendAttempt(tx, await item(id, tx), { outcome, callerId: null, at: tick() });
      if (typeof p.end === 'object')
        await recordSurveyResponse(tx, {
          item: await item(id, tx),
          templateVersionId: made.templateVersionId,
          answers: p.end,
          channel: 'phone',
          callerId: null,
          language: 'en',
          at: tick(),
          who: { actor: 'test' }
        });
      else if (p.end !== 'open' && p.end !== 'untried')
        await appendAttempt(tx, await item(id, tx), { outcome: p.end, callerId: null, at: tick() });
    });
  }
  // Outside the period: a low answer that must count nowhere in November.
  await t.db.transaction(async (tx) =>
    recordSurveyResponse(tx, {
      item: await item(before.items[0]!.id),
      templateVersionId: made.templateVersionId,
      answers: { csat: 1, solved: false, effort: 1, recommend: 0 },
      channel: 'phone',
      callerId: null,
      language: 'en',
      at: at('2026-11-01T10:00:00Z'),
      who: { actor: 'test' }
    })
  );
  // Program B (client b): one answered item, so client a's auditor has something to be refused.
  const callsB = org.calls.filter((c) => c.programId === org.programs.b.id);
  const madeB = await callbackItems(t.db, { callIds: [callsB[0]!.id], day: '2026-11-12', now: at('2026-11-12T07:00:00Z') });
  await t.db.transaction(async (tx) =>
    recordSurveyResponse(tx, {
      item: await item(madeB.items[0]!.id),
      templateVersionId: madeB.templateVersionId,
      answers: { csat: 2, solved: false, effort: 2, recommend: 2 },
      channel: 'phone',
      callerId: null,
      language: 'nl',
      at: at('2026-11-13T10:00:00Z'),
      who: { actor: 'test' }
    })
  );
}, 60_000);
afterAll(() => t.cleanup());

const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
const nums = (k: string) => answered.map((a) => a[k]).filter((v): v is number => typeof v === 'number');
const bools = (k: string) => answered.map((a) => a[k]).filter((v): v is boolean => typeof v === 'boolean');

describe('GET /api/surveys/results', () => {
  it('shows every metric over the answers given, with n and an interval that holds the estimate', async () => {
    const r = await get<SurveyResults>(admin, `/api/surveys/results?programId=${org.programs.a.id}`);
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ from: '2026-11-01', to: '2026-11-30', programId: org.programs.a.id });
    const m = Object.fromEntries(r.body.metrics.map((x) => [x.id, x]));
    const csat = nums('csat');
    const ces = nums('effort');
    const nps = nums('recommend');
    const expected: Record<string, { n: number; estimate: number }> = {
      csat_mean: { n: csat.length, estimate: mean(csat) },
      csat_top2: { n: csat.length, estimate: csat.filter((v) => v >= 4).length / csat.length },
      fcr_solved: { n: bools('solved').length, estimate: bools('solved').filter(Boolean).length / bools('solved').length },
      fcr_recontact: { n: bools('recontact').length, estimate: bools('recontact').filter(Boolean).length / bools('recontact').length },
      ces_mean: { n: ces.length, estimate: mean(ces) },
      ces_easy: { n: ces.length, estimate: ces.filter((v) => v >= 5).length / ces.length },
      nps: { n: nps.length, estimate: (100 * (nps.filter((v) => v >= 9).length - nps.filter((v) => v <= 6).length)) / nps.length },
      promise_kept: { n: 2, estimate: 0.5 }
    };
    for (const [id, e] of Object.entries(expected)) {
      const v = m[id]!.value;
      expect(v.n, id).toBe(e.n);
      expect(v.estimate, id).toBeCloseTo(e.estimate, 10);
      expect(v.low!, id).toBeLessThanOrEqual(v.estimate!);
      expect(v.high!, id).toBeGreaterThanOrEqual(v.estimate!);
      expect(m[id]!.formulaKey).toBe(`surveys_results_formula_${id}`);
    }
    // 7 answered; NPS: promoters 10, 9, 10 (3) − detractors 3, 6 (2) of 7
    expect(m.nps!.value.estimate).toBeCloseTo(100 / 7, 10);
  });

  it('shows non-response: drawn, attempts, reached (declined or completed) over attempted, responses over drawn and over closed', async () => {
    const r = await get<SurveyResults>(admin, `/api/surveys/results?programId=${org.programs.a.id}&from=2026-11-01&to=2026-11-30`);
    const nr = r.body.nonResponse;
    const attemptsOf = (p: Plan) => p.tries.length + (p.end === 'open' || p.end === 'untried' ? 0 : 1);
    const attempted = PLAN.filter((p) => attemptsOf(p) > 0).length;
    const reached = PLAN.filter((p) => typeof p.end === 'object' || p.end === 'declined').length;
    const open = PLAN.filter((p) => p.end === 'open' || p.end === 'untried').length;
    expect(nr).toMatchObject({
      drawn: 12,
      attempted,
      attempts: PLAN.reduce((s, p) => s + attemptsOf(p), 0),
      reached,
      responses: answered.length,
      open,
      byStatus: { completed: 7, declined: 1, wrong_number: 1, unreachable: 1, open: 2, expired: 0 }
    });
    expect(nr.reachRate.estimate).toBeCloseTo(reached / attempted, 10);
    expect(nr.responseRate.estimate).toBeCloseTo(7 / 12, 10);
    expect(nr.responseRateClosed.estimate).toBeCloseTo(7 / 10, 10);
    expect(nr.attemptsPerItem.estimate).toBeCloseTo(nr.attempts / attempted, 10);
    expect(r.body.byChannel).toEqual([{ channel: 'phone', ...nr }]);
    expect(r.body.trend).toHaveLength(1);
    expect(r.body.trend[0]).toMatchObject({ week: '2026-11-09', drawn: 12, responses: 7 });
  });

  it('splits the low answers into agent- and process-attributable as the template says', async () => {
    const r = await get<SurveyResults>(admin, `/api/surveys/results?programId=${org.programs.a.id}`);
    const low = r.body.lowAnswers;
    // Low: item 3 (csat 2 agent, solved no agent, effort 2 process, recommend 3 process), item 4 (promise no, agent),
    // item 6 (csat 1 agent, effort 1 process), item 12 (solved no, agent).
    expect(low.responsesWithLow).toBe(4);
    expect(low.agentShare).toMatchObject({ n: 7 });
    expect(low.agentShare.estimate).toBeCloseTo(4 / 7, 10);
    expect(low.processShare.estimate).toBeCloseTo(2 / 7, 10);
    const count = (kind: string) => low.byKind.find((k) => k.kind === kind)?.count;
    expect([count('csat'), count('fcr_solved'), count('ces'), count('nps'), count('promise_kept')]).toEqual([2, 2, 2, 1, 1]);
    expect(low.byKind.find((k) => k.kind === 'ces')!.attribution).toBe('process');
  });

  it('says "too few" (null) instead of a number where nothing was answered, and nothing for an empty period', async () => {
    const r = await get<SurveyResults>(admin, `/api/surveys/results?programId=${org.programs.a.id}&from=2026-09-01&to=2026-09-30`);
    expect(r.status).toBe(200);
    for (const m of r.body.metrics) expect(m.value).toEqual({ n: 0, estimate: null, low: null, high: null });
    expect(r.body.nonResponse).toMatchObject({ drawn: 0, responses: 0, responseRate: { n: 0, estimate: null } });
    expect(r.body.byChannel).toEqual([]);
  });

  it('lets a client auditor read its own client programs only: another program does not exist for it', async () => {
    const own = await get<SurveyResults>(auditorA, `/api/surveys/results?programId=${org.programs.a.id}`);
    expect(own.status).toBe(200);
    expect(own.body.programs.map((p) => p.id)).toEqual([org.programs.a.id]);
    const other = await get<{ error: { code: string } }>(auditorA, `/api/surveys/results?programId=${org.programs.b.id}`);
    expect(other.status).toBe(404);
    expect(other.body.error.code).toBe('NOT_FOUND');
    // Without a program: only its own client's figures (program B's response is not among them).
    const all = await get<SurveyResults>(auditorB, `/api/surveys/results`);
    expect(all.body.nonResponse).toMatchObject({ drawn: 1, responses: 1 });
    expect((await get(agent, `/api/surveys/results`)).status).toBe(403);
    expect((await get(null, `/api/surveys/results`)).status).toBe(401);
  });

  it('refuses bad filters with 400 naming the field, never a crash', async () => {
    for (const q of [
      'programId=0x10',
      'programId=1e3',
      'programId=%201',
      'from=2026-11-31&to=2026-12-01',
      'from=2026-11-01',
      'from=2026-12-01&to=2026-11-01'
    ]) {
      const r = await get<{ error: { code: string; message: string } }>(admin, `/api/surveys/results?${q}`);
      expect(r.status, q).toBe(400);
      expect(r.body.error.code, q).toBe('VALIDATION');
    }
    expect((await get(admin, `/api/surveys/results?programId=999999`)).status).toBe(404);
  });
});

describe('GET /api/surveys/results/agents', () => {
  beforeAll(async () => {
    await publishScorecard(t.db, org.tenantId, {
      sections: [
        { id: 's', title: 'S', items: [{ id: 'g', text: 'Greets', answer: { type: 'yes_no' }, weight: 1, dimension: 'customer_friendly' }] }
      ]
    });
    const [version] = await t.db.select().from(schema.scorecardVersions).limit(1);
    const ev = (agentId: number, callId: number, friendly: number, oriented: number | null, submittedAt: Date) => ({
      tenantId: org.tenantId,
      callId,
      agentId,
      programId: org.programs.a.id,
      scorecardVersionId: version!.id,
      evaluatorLabel: 'test',
      kind: 'sampled' as const,
      status: 'submitted' as const,
      revision: 1,
      answers: {},
      overallScore: friendly,
      friendlyScore: friendly,
      orientedScore: oriented,
      complianceScore: null,
      submittedAt,
      updatedAt: submittedAt
    });
    const a1Calls = org.calls.filter((c) => c.agentId === org.agents.a1.id).map((c) => c.id);
    await t.db.insert(schema.evaluations).values([
      ev(org.agents.a1.id, a1Calls[0]!, 80, 60, at('2026-11-15T10:00:00Z')),
      ev(org.agents.a1.id, a1Calls[1]!, 90, 70, at('2026-11-20T10:00:00Z')),
      ev(org.agents.a1.id, a1Calls[2]!, 10, 10, at('2026-10-20T10:00:00Z')) // October: not in the period
    ]);
  });

  it('puts QA per dimension next to CSAT and FCR for the same agents and period, each with n', async () => {
    const r = await get<AgentSurveyResults>(admin, `/api/surveys/results/agents?programId=${org.programs.a.id}`);
    expect(r.status).toBe(200);
    const a1 = r.body.agents.find((a) => a.agent.id === org.agents.a1.id)!;
    expect(a1.evaluations).toBe(2);
    expect(a1.friendly).toMatchObject({ n: 2, estimate: 85 });
    expect(a1.oriented).toMatchObject({ n: 2, estimate: 65 });
    expect(a1.compliance).toMatchObject({ n: 0, estimate: null });
    for (const agentId of [org.agents.a1.id, org.agents.a2.id]) {
      const mine = PLAN.flatMap((p, i) => (programAItemAgents[i] === agentId && typeof p.end === 'object' ? [p.end] : []));
      const row = r.body.agents.find((a) => a.agent.id === agentId)!;
      const csat = mine.map((a) => a.csat as number);
      expect(row.responses).toBe(mine.length);
      expect(row.csat.n).toBe(csat.length);
      if (csat.length) expect(row.csat.estimate).toBeCloseTo(mean(csat), 10);
      expect(row.fcr.n).toBe(mine.filter((a) => typeof a.solved === 'boolean').length);
    }
  });

  it('shows a team lead only the agents it coaches; refuses client auditors and agents', async () => {
    const a = await get<AgentSurveyResults>(leadA, `/api/surveys/results/agents`);
    expect(a.body.agents.map((x) => x.agent.id).sort()).toEqual([org.agents.a1.id, org.agents.a2.id].sort());
    const b = await get<AgentSurveyResults>(leadB, `/api/surveys/results/agents`);
    expect(b.body.agents.map((x) => x.agent.id)).toEqual([org.agents.b1.id]);
    expect((await get(auditorA, `/api/surveys/results/agents`)).status).toBe(403);
    expect((await get(agent, `/api/surveys/results/agents`)).status).toBe(403);
  });
});

describe('low-score alerts', () => {
  it('lists the alerts of the agents a lead coaches, open first, with the low answers, attribution, comment and call', async () => {
    const r = await get<SurveyAlertList>(leadA, `/api/surveys/alerts`);
    expect(r.status).toBe(200);
    // November's 4 low responses + October's one, all team A's agents; program B's alert is team B's.
    expect(r.body.total).toBe(5);
    expect(r.body.alerts.every((a) => [org.agents.a1.id, org.agents.a2.id].includes(a.agent.id))).toBe(true);
    const withComment = r.body.alerts.find((a) => a.comment === 'Nobody called me back')!;
    expect(withComment.attribution).toBe('agent');
    expect(withComment.reasons.map((x) => x.questionId).sort()).toEqual(['csat', 'effort', 'recommend', 'solved']);
    expect(withComment.call.id).toBe(org.calls.find((c) => c.id === withComment.call.id)!.id);
    expect((await get<SurveyAlertList>(leadB, `/api/surveys/alerts`)).body.total).toBe(1);
    expect((await get(auditorA, `/api/surveys/alerts`)).status).toBe(403);
    expect((await get(agent, `/api/surveys/alerts`)).status).toBe(403);
    expect((await get(admin, `/api/surveys/alerts?status=closed`)).status).toBe(400);
    expect((await get(admin, `/api/surveys/alerts?limit=1e2`)).status).toBe(400);
  });

  it('handles an alert once, with a note, audited; twice → 409; another team’s → 404; no note → 400', async () => {
    const list = (await get<SurveyAlertList>(leadA, `/api/surveys/alerts?status=open`)).body;
    const target = list.alerts[0]!;
    const post = (s: Session, id: number | string, body: unknown) =>
      app.request(`/api/surveys/alerts/${id}/handle`, {
        method: 'POST',
        headers: { ...s.headers, 'content-type': 'application/json' },
        body: JSON.stringify(body)
      });
    const audits = async () => Number((await t.db.select({ n: sql<number>`count(*)` }).from(schema.auditLog))[0]!.n);
    const before = await audits();
    expect((await post(leadA, target.id, { note: '' })).status).toBe(400);
    expect((await post(leadA, target.id, {})).status).toBe(400);
    expect((await post(leadB, target.id, { note: 'Called back' })).status).toBe(404);
    expect((await post(agent, target.id, { note: 'Called back' })).status).toBe(403);
    expect((await post(leadA, '0x10', { note: 'Called back' })).status).toBe(400);
    expect(await audits()).toBe(before);
    const ok = await post(leadA, target.id, { note: 'Called the customer, refund arranged' });
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({ id: target.id, status: 'handled', handledNote: 'Called the customer, refund arranged' });
    expect(await audits()).toBe(before + 1);
    const again = await post(leadA, target.id, { note: 'Again' });
    expect(again.status).toBe(409);
    expect(await audits()).toBe(before + 1);
    const after = (await get<SurveyAlertList>(leadA, `/api/surveys/alerts`)).body;
    expect(after.open).toBe(list.open - 1);
    // open first: the handled one comes after every open one
    const firstHandled = after.alerts.findIndex((a) => a.status === 'handled');
    expect(after.alerts.slice(firstHandled).every((a) => a.status === 'handled')).toBe(true);
    const [row] = await t.db.select().from(schema.auditLog).where(eq(schema.auditLog.action, 'survey_alert.handle'));
    expect(row).toMatchObject({ objectType: 'survey_alert', objectId: String(target.id) });
  });
});
