// app first: @hono/zod-openapi must extend zod before shared schemas are built
import { createApp } from '../src/app.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, inArray } from 'drizzle-orm';
import { schema } from '@attentive/db';
import { createTestDb } from '@attentive/db/testing';
import { createFixtureOrg, type FixtureOrg } from '@attentive/db/fixtures';
import type { ScorecardDefinitionInput } from '@attentive/shared/scorecard';
import { loadEnv } from '../src/env.ts';
import { verifyCachedScores } from '@attentive/core/evaluations/verify-cached-scores';
import { signInAs, tokenHeaders } from './support/auth.ts';
import { jsonRequests, type H } from './support/requests.ts';
import { publishScorecard } from './support/scorecard.ts';

const DEFINITION: ScorecardDefinitionInput = {
  sections: [
    {
      id: 'opening',
      title: 'Opening',
      items: [
        { id: 'greeting', text: 'Greets with name and company', answer: { type: 'yes_no' }, weight: 2, dimension: 'customer_friendly' },
        { id: 'empathy', text: 'Shows empathy', answer: { type: 'scale', min: 1, max: 5 }, weight: 3, dimension: 'customer_friendly' }
      ]
    },
    {
      id: 'solution',
      title: 'Solution',
      items: [
        {
          id: 'need',
          text: 'Finds the need behind the question',
          answer: { type: 'yes_no' },
          weight: 4,
          naAllowed: true,
          dimension: 'customer_oriented'
        },
        { id: 'next-step', text: 'Offers the next step unasked', answer: { type: 'yes_no' }, weight: 3, dimension: 'customer_oriented' }
      ]
    },
    {
      id: 'compliance',
      title: 'Compliance',
      items: [
        {
          id: 'id-check',
          text: 'Verifies identity',
          answer: { type: 'yes_no' },
          weight: 2,
          dimension: 'compliance',
          critical: { class: 'compliance', failScope: 'evaluation' }
        }
      ]
    }
  ]
};
const WEAK = { greeting: 'no', empathy: 2, need: 'no', 'next-step': 'no', 'id-check': 'yes' };

const DAY = 86_400_000;
let clock = new Date('2026-11-02T10:00:00Z');
let t: Awaited<ReturnType<typeof createTestDb>>;
let app: ReturnType<typeof createApp>;
let org: FixtureOrg;
const u = {} as Record<'qa' | 'admin' | 'leadA' | 'leadB' | 'agentA1' | 'agentA2' | 'agentB1' | 'auditorA', H>;
let token: H;
const ev = {} as Record<'a1' | 'a2' | 'b1', number>;

const { req, get } = jsonRequests(() => app);
const callsOf = (agentId: number) => org.calls.filter((c) => c.agentId === agentId);

/** An evaluation of a call by a lead, submitted at the current clock. */
async function evaluate(lead: H, callId: number, answers: Record<string, unknown> = WEAK) {
  const start = await req('POST', '/api/evaluations', lead, { callId });
  expect(start.status, await start.clone().text()).toBe(200);
  const { evaluation } = await start.json();
  const res = await req('POST', `/api/evaluations/${evaluation.id}/submit`, lead, { version: evaluation.version, answers });
  expect(res.status, await res.clone().text()).toBe(200);
  return evaluation.id as number;
}

/** Expects 404 (or 403) and a body with nothing but the error envelope. */
async function expectRefused(res: Response, statuses = [404]) {
  expect(statuses, `${res.status} ${await res.clone().text()}`).toContain(res.status);
  const body = await res.json();
  expect(Object.keys(body)).toEqual(['error']);
}

beforeAll(async () => {
  t = await createTestDb();
  app = createApp({ db: t.db, env: loadEnv({ NODE_ENV: 'test' }), now: () => clock });
  org = await createFixtureOrg(t.db, { callsPerAgent: 6 });
  const tenantId = org.tenantId;
  await publishScorecard(t.db, tenantId, DEFINITION);
  const s = (grants: Parameters<typeof signInAs>[2]['grants'], personId?: number) =>
    signInAs(app, t.db, { tenantId, grants, personId }).then((r) => r.headers);
  u.qa = await s([{ role: 'qa_analyst' }]);
  u.admin = await s([{ role: 'admin' }]);
  u.leadA = await s([{ role: 'team_lead', teamId: org.teams.a.id }]);
  u.leadB = await s([{ role: 'team_lead', teamId: org.teams.b.id }]);
  u.agentA1 = await s([{ role: 'agent' }], org.agents.a1.id);
  u.agentA2 = await s([{ role: 'agent' }], org.agents.a2.id);
  u.agentB1 = await s([{ role: 'agent' }], org.agents.b1.id);
  u.auditorA = await s([{ role: 'client_auditor', clientId: org.clients.a.id }]);
  token = (await tokenHeaders(t.db, { tenantId, programId: org.programs.a.id })).headers;
  ev.a1 = await evaluate(u.leadA, callsOf(org.agents.a1.id)[0]!.id);
  ev.a2 = await evaluate(u.leadA, callsOf(org.agents.a2.id)[0]!.id);
  ev.b1 = await evaluate(u.leadB, callsOf(org.agents.b1.id)[0]!.id);
});
afterAll(() => t.cleanup());

describe('the agent reads its evaluations', () => {
  it("sees its own evaluation with scores, transcript facts and the dispute window — and never another agent's", async () => {
    const res = await get(`/api/coaching/evaluations/${ev.a1}`, u.agentA1);
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.evaluation).toMatchObject({ id: ev.a1, revision: 1, agentId: org.agents.a1.id });
    expect(body.disputeWindow).toMatchObject({ days: 7, open: true });
    expect(body).toMatchObject({ canAcknowledge: true, canDispute: true, canResolve: false, viewerIsAgent: true, canChange: false });
    expect(body.scorecard.definition.sections).toHaveLength(3);
    await expectRefused(await get(`/api/coaching/evaluations/${ev.a2}`, u.agentA1));
    await expectRefused(await get(`/api/coaching/evaluations/${ev.b1}`, u.agentA1));
    await expectRefused(await get(`/api/coaching/evaluations/${ev.a1}`, u.agentB1));
    await expectRefused(await get(`/api/coaching/evaluations/999999`, u.agentA1));
  });

  it('leads see their teams only; client auditors and tokens see no coaching data', async () => {
    expect((await get(`/api/coaching/evaluations/${ev.a1}`, u.leadA)).status).toBe(200);
    await expectRefused(await get(`/api/coaching/evaluations/${ev.a1}`, u.leadB));
    await expectRefused(await get(`/api/coaching/evaluations/${ev.b1}`, u.leadA));
    await expectRefused(await get(`/api/coaching/evaluations/${ev.a1}`, u.auditorA));
    await expectRefused(await get(`/api/coaching/evaluations/${ev.a1}`, token));
    expect((await get(`/api/coaching/evaluations/${ev.b1}`, u.qa)).status).toBe(200);
  });

  it("its home lists only its own evaluations, with n and an interval; another agent's summary is refused", async () => {
    const res = await get('/api/me/summary', u.agentA1);
    expect(res.status).toBe(200);
    const s = await res.json();
    expect(s.agent.id).toBe(org.agents.a1.id);
    expect(s.evaluations.map((e: { id: number }) => e.id)).toEqual([ev.a1]);
    expect(s.unread).toBe(1);
    const nov = s.months.find((m: { month: string }) => m.month === '2026-11');
    expect(nov.n).toBe(1);
    expect(nov.dimensions.customer_friendly).toMatchObject({ n: 1, low: null, high: null });
    expect(s.months).toHaveLength(6);
    await expectRefused(await get(`/api/coaching/agents/${org.agents.a2.id}/summary`, u.agentA1));
    await expectRefused(await get(`/api/coaching/agents/${org.agents.b1.id}/summary`, u.leadA));
    expect((await get(`/api/coaching/agents/${org.agents.a2.id}/summary`, u.leadA)).status).toBe(200);
    await expectRefused(await get('/api/me/summary', u.leadA), [403]);
  });

  it('acknowledges its evaluation once (idempotent); nobody else can, and not for another agent', async () => {
    const first = await req('POST', `/api/coaching/evaluations/${ev.a1}/acknowledge`, u.agentA1);
    expect(first.status).toBe(200);
    expect(await first.json()).toMatchObject({ revision: 1, created: true });
    expect(await (await req('POST', `/api/coaching/evaluations/${ev.a1}/acknowledge`, u.agentA1)).json()).toMatchObject({ created: false });
    await expectRefused(await req('POST', `/api/coaching/evaluations/${ev.a2}/acknowledge`, u.agentA1));
    await expectRefused(await req('POST', `/api/coaching/evaluations/${ev.a1}/acknowledge`, u.leadA), [403]);
    const rows = await t.db
      .select()
      .from(schema.evaluationAcknowledgements)
      .where(eq(schema.evaluationAcknowledgements.evaluationId, ev.a1));
    expect(rows).toHaveLength(1);
    expect((await (await get('/api/me/summary', u.agentA1)).json()).unread).toBe(0);
  });
});

describe('disputes', () => {
  let disputeId: number;
  const count = async () => (await t.db.select().from(schema.disputeItems)).length;

  it('refuses a non-existent item naming it, a duplicate in one request, and an empty reason — storing nothing', async () => {
    const before = await count();
    const bad = await req('POST', `/api/coaching/evaluations/${ev.a1}/disputes`, u.agentA1, {
      items: [{ itemId: 'no-such-item', reason: 'I did this' }]
    });
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.message).toMatch(/item "no-such-item" is not on this evaluation's scorecard/);
    const twice = await req('POST', `/api/coaching/evaluations/${ev.a1}/disputes`, u.agentA1, {
      items: [
        { itemId: 'greeting', reason: 'one' + 'two' },
        { itemId: 'greeting', reason: 'again' }
      ]
    });
    expect(twice.status).toBe(400);
    const short = await req('POST', `/api/coaching/evaluations/${ev.a1}/disputes`, u.agentA1, {
      items: [{ itemId: 'greeting', reason: ' ' }]
    });
    expect(short.status).toBe(400);
    expect((await short.json()).error.message).toMatch(/items\.0\.reason/);
    const badAnswer = await req('POST', `/api/coaching/evaluations/${ev.a1}/disputes`, u.agentA1, {
      items: [{ itemId: 'empathy', reason: 'I was kind', proposedAnswer: 9 }]
    });
    expect(badAnswer.status).toBe(400);
    expect(await count()).toBe(before);
  });

  it('the agent disputes an item with a reason; only the agent may, and only its own evaluation', async () => {
    await expectRefused(
      await req('POST', `/api/coaching/evaluations/${ev.a2}/disputes`, u.agentA1, {
        items: [{ itemId: 'greeting', reason: 'I did greet' }]
      })
    );
    await expectRefused(
      await req('POST', `/api/coaching/evaluations/${ev.a1}/disputes`, u.leadA, { items: [{ itemId: 'greeting', reason: 'I did greet' }] }),
      [403]
    );
    const res = await req('POST', `/api/coaching/evaluations/${ev.a1}/disputes`, u.agentA1, {
      revision: 1,
      items: [{ itemId: 'greeting', reason: 'I greeted with my name at 0:03', proposedAnswer: 'yes' }]
    });
    expect(res.status, await res.clone().text()).toBe(201);
    const d = await res.json();
    expect(d).toMatchObject({
      status: 'open',
      evaluationId: ev.a1,
      revision: 1,
      items: [{ itemId: 'greeting', text: 'Greets with name and company', answerBefore: 'no', proposedAnswer: 'yes', outcome: null }]
    });
    disputeId = d.id;
    const [audit] = await t.db.select().from(schema.auditLog).where(eq(schema.auditLog.action, 'dispute.open'));
    expect(audit).toMatchObject({ objectType: 'dispute', objectId: String(disputeId) });
  });

  it('refuses disputing the same item twice (409), whatever the outcome', async () => {
    const res = await req('POST', `/api/coaching/evaluations/${ev.a1}/disputes`, u.agentA1, {
      items: [{ itemId: 'greeting', reason: 'Still think so' }]
    });
    expect(res.status).toBe(409);
    expect((await res.json()).error.message).toMatch(/item "greeting".*disputed once/);
  });

  it('lists and shows disputes only to the agent and its coaches', async () => {
    const mine = await (await get('/api/coaching/disputes', u.agentA1)).json();
    expect(mine.items.map((d: { id: number }) => d.id)).toEqual([disputeId]);
    expect((await (await get('/api/coaching/disputes', u.agentA2)).json()).items).toEqual([]);
    expect((await (await get('/api/coaching/disputes', u.leadB)).json()).items).toEqual([]);
    expect((await (await get('/api/coaching/disputes', u.auditorA)).json()).items).toEqual([]);
    const open = await (await get('/api/coaching/disputes?status=open', u.leadA)).json();
    expect(open.items).toHaveLength(1);
    expect(open.items[0]).toMatchObject({ id: disputeId, agentName: 'Agent One', ageDays: 0, itemIds: ['greeting'] });
    expect(open.items[0].itemTexts).toEqual(['Greets with name and company']);
    expect((await get(`/api/coaching/disputes/${disputeId}`, u.agentA1)).status).toBe(200);
    await expectRefused(await get(`/api/coaching/disputes/${disputeId}`, u.agentA2));
    await expectRefused(await get(`/api/coaching/disputes/${disputeId}`, u.leadB));
    await expectRefused(await get(`/api/coaching/disputes/${disputeId}`, u.auditorA));
  });

  it("shows the open dispute and its age in the lead's coaching queue", async () => {
    clock = new Date(clock.getTime() + 2 * DAY);
    const q = await (await get('/api/coaching/queue', u.leadA)).json();
    const ids = q.items.map((r: { agentId: number }) => r.agentId);
    expect(ids.sort()).toEqual([org.agents.a1.id, org.agents.a2.id].sort());
    const a1 = q.items.find((r: { agentId: number }) => r.agentId === org.agents.a1.id);
    expect(a1.reasons.map((r: { text: string }) => r.text)).toContain('1 open dispute (oldest 2 days)');
    expect(q.items[0].agentId).toBe(org.agents.a1.id);
    const qb = await (await get('/api/coaching/queue', u.leadB)).json();
    expect(qb.items.map((r: { agentId: number }) => r.agentId).sort()).toEqual([org.agents.b1.id, org.agents.b2.id].sort());
    await expectRefused(await get('/api/coaching/queue', u.agentA1), [403]);
  });

  it('only a coach of the agent resolves; accepting makes a new revision with the reason, audited', async () => {
    const body = { reason: 'Listened again: the greeting is there', items: [{ itemId: 'greeting', outcome: 'accepted' }] };
    await expectRefused(await req('POST', `/api/coaching/disputes/${disputeId}/resolve`, u.agentA1, body), [403]);
    await expectRefused(await req('POST', `/api/coaching/disputes/${disputeId}/resolve`, u.leadB, body));
    const incomplete = await req('POST', `/api/coaching/disputes/${disputeId}/resolve`, u.leadA, {
      reason: 'x'.repeat(5),
      items: [{ itemId: 'empathy', outcome: 'rejected' }]
    });
    expect(incomplete.status).toBe(400);
    expect((await incomplete.json()).error.message).toMatch(/not part of dispute.*decide item "greeting"/);
    const res = await req('POST', `/api/coaching/disputes/${disputeId}/resolve`, u.leadA, body);
    expect(res.status, await res.clone().text()).toBe(200);
    expect(await res.json()).toMatchObject({
      status: 'accepted',
      resultingRevision: 2,
      resolutionReason: body.reason,
      items: [{ itemId: 'greeting', outcome: 'accepted', answerAfter: 'yes' }]
    });
    const revs = await t.db.select().from(schema.evaluationRevisions).where(eq(schema.evaluationRevisions.evaluationId, ev.a1));
    expect(revs.map((r) => r.revision)).toEqual([1, 2]);
    expect(revs[1]!.reason).toMatch(/Dispute \d+ accepted: Listened again/);
    expect((revs[1]!.answers as Record<string, unknown>).greeting).toBe('yes');
    expect((revs[0]!.answers as Record<string, unknown>).greeting).toBe('no');
    const actions = (
      await t.db
        .select()
        .from(schema.auditLog)
        .where(inArray(schema.auditLog.action, ['dispute.resolve', 'evaluation.revise']))
    ).map((a) => a.action);
    expect(actions.sort()).toEqual(['dispute.resolve', 'evaluation.revise']);
    const again = await req('POST', `/api/coaching/disputes/${disputeId}/resolve`, u.leadA, body);
    expect(again.status).toBe(409);
  });

  it('the agent sees the outcome and the new revision, to acknowledge anew', async () => {
    const body = await (await get(`/api/coaching/evaluations/${ev.a1}`, u.agentA1)).json();
    expect(body.evaluation.revision).toBe(2);
    expect(body.revisions.map((r: { revision: number }) => r.revision)).toEqual([1, 2]);
    expect(body.disputes[0]).toMatchObject({ status: 'accepted', resultingRevision: 2 });
    expect(body.acknowledgedCurrent).toBeNull();
    expect(body.canAcknowledge).toBe(true);
    expect(body.disputedItemIds).toEqual(['greeting']);
  });

  it('partly accepts and rejects item by item; a rejection makes no revision', async () => {
    const open = await req('POST', `/api/coaching/evaluations/${ev.a1}/disputes`, u.agentA1, {
      items: [
        { itemId: 'empathy', reason: 'I said I understand' },
        { itemId: 'need', reason: 'I asked why' }
      ]
    });
    expect(open.status).toBe(201);
    const d = await open.json();
    const noAnswer = await req('POST', `/api/coaching/disputes/${d.id}/resolve`, u.qa, {
      reason: 'Partly right',
      items: [
        { itemId: 'empathy', outcome: 'accepted' },
        { itemId: 'need', outcome: 'rejected' }
      ]
    });
    expect(noAnswer.status).toBe(400);
    expect((await noAnswer.json()).error.message).toMatch(/item "empathy": give the corrected answer/);
    const res = await req('POST', `/api/coaching/disputes/${d.id}/resolve`, u.qa, {
      reason: 'Empathy yes, need no',
      items: [
        { itemId: 'empathy', outcome: 'accepted', answer: 4 },
        { itemId: 'need', outcome: 'rejected' }
      ]
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: 'partly_accepted', resultingRevision: 3 });

    const other = await req('POST', `/api/coaching/evaluations/${ev.a1}/disputes`, u.agentA1, {
      items: [{ itemId: 'next-step', reason: 'I offered it' }]
    });
    const od = await other.json();
    const rej = await req('POST', `/api/coaching/disputes/${od.id}/resolve`, u.leadA, {
      reason: 'Not in the recording',
      items: [{ itemId: 'next-step', outcome: 'rejected' }]
    });
    expect(await rej.json()).toMatchObject({ status: 'rejected', resultingRevision: null });
    const [e] = await t.db.select().from(schema.evaluations).where(eq(schema.evaluations.id, ev.a1));
    expect(e!.revision).toBe(3);
  });

  it('refuses a dispute after the window; a longer window set by an admin allows it', async () => {
    clock = new Date(clock.getTime() + 6 * DAY); // 8 days after submission
    const late = await req('POST', `/api/coaching/evaluations/${ev.a1}/disputes`, u.agentA1, {
      items: [{ itemId: 'id-check', reason: 'I did verify' }]
    });
    expect(late.status).toBe(409);
    expect((await late.json()).error.message).toMatch(/dispute window of 7 days.*closed on 2026-11-09/);
    expect((await (await get(`/api/coaching/evaluations/${ev.a1}`, u.agentA1)).json()).canDispute).toBe(false);
    const patch = await req('PATCH', `/api/admin/programs/${org.programs.a.id}`, u.admin, { disputeWindowDays: 14 });
    expect(patch.status, await patch.clone().text()).toBe(200);
    const ok = await req('POST', `/api/coaching/evaluations/${ev.a1}/disputes`, u.agentA1, {
      items: [{ itemId: 'id-check', reason: 'I did verify' }]
    });
    expect(ok.status).toBe(201);
  });
  it('a later change by the evaluator gives the agent the whole window again, counted from that revision', async () => {
    const before = clock;
    clock = new Date(clock.getTime() + 20 * DAY); // long after ev.a2 was first submitted (window: 14 days now)
    const { agentA2, leadA } = u;
    const late = await req('POST', `/api/coaching/evaluations/${ev.a2}/disputes`, agentA2, {
      items: [{ itemId: 'greeting', reason: 'I greeted' }]
    });
    expect(late.status).toBe(409);
    const revised = await req('POST', `/api/evaluations/${ev.a2}/revisions`, leadA, {
      revision: 1,
      answers: { ...WEAK, empathy: 3 },
      reason: 'Listened again: more empathy than I scored'
    });
    expect(revised.status, await revised.clone().text()).toBe(200);
    const view = await (await get(`/api/coaching/evaluations/${ev.a2}`, agentA2)).json();
    expect(view.canDispute).toBe(true);
    expect(view.disputeWindow.closesAt.slice(0, 10)).toBe(new Date(clock.getTime() + 14 * DAY).toISOString().slice(0, 10));
    const ok = await req('POST', `/api/coaching/evaluations/${ev.a2}/disputes`, agentA2, {
      items: [{ itemId: 'greeting', reason: 'I greeted' }]
    });
    expect(ok.status, await ok.clone().text()).toBe(201);
    clock = before;
  });
});

describe('coaching sessions', () => {
  let sessionId: number;
  let actionId: number;
  const sessionBody = () => ({
    agentId: org.agents.a1.id,
    heldOn: '2026-11-10',
    evaluationIds: [ev.a1],
    focusItems: [{ itemId: 'next-step', text: 'Offer the next step before the customer asks' }],
    notes: 'Talked through the call.',
    actions: [
      { text: 'Listen to two calls of a top colleague', owner: 'agent', dueOn: '2026-11-14' },
      { text: 'Side-by-side listening on two calls', owner: 'coach', dueOn: '2026-11-17' }
    ],
    followUpOn: '2026-11-20'
  });

  it('a lead records a session for its own team only; bad items and foreign evaluations → 400 naming them', async () => {
    await expectRefused(await req('POST', '/api/coaching/sessions', u.leadB, sessionBody()));
    await expectRefused(await req('POST', '/api/coaching/sessions', u.agentA1, sessionBody()), [403]);
    const bad = await req('POST', '/api/coaching/sessions', u.leadA, {
      ...sessionBody(),
      evaluationIds: [ev.a2],
      focusItems: [{ itemId: 'smile', text: 'Smile more' }]
    });
    expect(bad.status).toBe(400);
    const msg = (await bad.json()).error.message;
    expect(msg).toMatch(new RegExp(`evaluation ${ev.a2} is not a submitted evaluation of this agent`));
    expect(msg).toMatch(/item "smile"/);
    const res = await req('POST', '/api/coaching/sessions', u.leadA, sessionBody());
    expect(res.status, await res.clone().text()).toBe(201);
    sessionId = (await res.json()).id;
  });

  it('the agent sees and confirms its own session once; other agents and leads of other teams see nothing', async () => {
    const s = await (await get(`/api/coaching/sessions/${sessionId}`, u.agentA1)).json();
    expect(s).toMatchObject({ canConfirm: true, canFollowUp: false, session: { heldOn: '2026-11-10', followUpOn: '2026-11-20' } });
    actionId = s.actions[0].id;
    await expectRefused(await get(`/api/coaching/sessions/${sessionId}`, u.agentA2));
    await expectRefused(await get(`/api/coaching/sessions/${sessionId}`, u.leadB));
    await expectRefused(await req('POST', `/api/coaching/sessions/${sessionId}/confirm`, u.agentA2));
    await expectRefused(await req('POST', `/api/coaching/sessions/${sessionId}/confirm`, u.leadA), [403]);
    expect((await req('POST', `/api/coaching/sessions/${sessionId}/confirm`, u.agentA1)).status).toBe(200);
    expect((await req('POST', `/api/coaching/sessions/${sessionId}/confirm`, u.agentA1)).status).toBe(409);
    expect((await (await get('/api/coaching/sessions', u.agentA2)).json()).items).toEqual([]);
    expect((await (await get('/api/coaching/sessions', u.leadB)).json()).items).toEqual([]);
    expect((await (await get('/api/coaching/sessions', u.agentA1)).json()).items.map((x: { id: number }) => x.id)).toEqual([sessionId]);
  });

  it('open actions show on the agent home; the agent ticks its own, the coach any; nobody else', async () => {
    const s2 = await (await get(`/api/coaching/sessions/${sessionId}`, u.leadA)).json();
    const home = await (await get('/api/me/summary', u.agentA1)).json();
    expect(home.openActions.map((a: { id: number }) => a.id)).toContain(actionId);
    await expectRefused(await req('PATCH', `/api/coaching/actions/${actionId}`, u.agentA2, { done: true }));
    await expectRefused(await req('PATCH', `/api/coaching/actions/${actionId}`, u.leadB, { done: true }));
    expect((await req('PATCH', `/api/coaching/actions/${actionId}`, u.agentA1, { done: true })).status).toBe(200);
    const coachAction = s2.actions.find((a: { owner: string }) => a.owner === 'coach');
    await expectRefused(await req('PATCH', `/api/coaching/actions/${coachAction.id}`, u.agentA1, { done: true }), [403]);
    expect((await req('PATCH', `/api/coaching/actions/${coachAction.id}`, u.leadA, { done: true })).status).toBe(200);
    expect((await (await get('/api/me/summary', u.agentA1)).json()).openActions).toEqual([]);
    const sAfter = await (await get(`/api/coaching/sessions/${sessionId}`, u.agentA1)).json();
    expect(sAfter.actions.every((a: { doneAt: string | null }) => a.doneAt != null)).toBe(true);
  });

  it('an overdue follow-up puts the agent in the queue; at follow-up later scores on the focus items show', async () => {
    clock = new Date('2026-11-24T10:00:00Z');
    const q = await (await get('/api/coaching/queue', u.leadA)).json();
    const a1 = q.items.find((r: { agentId: number }) => r.agentId === org.agents.a1.id);
    expect(a1.reasons.map((r: { text: string }) => r.text)).toContain('Follow-up overdue by 4 days');
    await evaluate(u.leadA, callsOf(org.agents.a1.id)[1]!.id, { ...WEAK, 'next-step': 'yes' });
    await evaluate(u.leadA, callsOf(org.agents.a1.id)[2]!.id, { ...WEAK, 'next-step': 'yes' });
    const s = await (await get(`/api/coaching/sessions/${sessionId}`, u.leadA)).json();
    expect(s.focusItems[0]).toMatchObject({ itemId: 'next-step', before: { n: 1, estimate: 0 }, after: { n: 2, estimate: 100 } });
    expect(s.laterEvaluations).toHaveLength(2);
    await expectRefused(
      await req('POST', `/api/coaching/sessions/${sessionId}/follow-ups`, u.agentA1, { progress: 'improved', note: 'I did it' }),
      [403]
    );
    await expectRefused(
      await req('POST', `/api/coaching/sessions/${sessionId}/follow-ups`, u.leadB, { progress: 'improved', note: 'x'.repeat(5) })
    );
    const fu = await req('POST', `/api/coaching/sessions/${sessionId}/follow-ups`, u.leadA, {
      progress: 'improved',
      note: 'Offers the next step now',
      close: true
    });
    expect(fu.status).toBe(201);
    const after = await (await get(`/api/coaching/sessions/${sessionId}`, u.agentA1)).json();
    expect(after.followUps).toHaveLength(1);
    expect(after.session.closedAt).not.toBeNull();
    const q2 = await (await get('/api/coaching/queue', u.leadA)).json();
    expect(
      q2.items.find((r: { agentId: number }) => r.agentId === org.agents.a1.id).reasons.map((r: { code: string }) => r.code)
    ).not.toContain('overdue_follow_up');
  });
});

describe('self-evaluation', () => {
  let requestId: number;
  let leadEval: number;
  const call = () => callsOf(org.agents.a1.id)[3]!.id;

  it("a lead asks; the agent scores first and cannot see the lead's score until it submits", async () => {
    await expectRefused(await req('POST', '/api/coaching/self-evaluations', u.leadB, { callId: call() }));
    await expectRefused(await req('POST', '/api/coaching/self-evaluations', u.agentA1, { callId: call() }), [403]);
    const res = await req('POST', '/api/coaching/self-evaluations', u.leadA, { callId: call(), message: 'Score this one yourself first' });
    expect(res.status, await res.clone().text()).toBe(201);
    requestId = (await res.json()).id;
    expect((await req('POST', '/api/coaching/self-evaluations', u.leadA, { callId: call() })).status).toBe(409);
    leadEval = await evaluate(u.leadA, call());
    const view = await (await get(`/api/coaching/self-evaluations/${requestId}`, u.agentA1)).json();
    expect(view).toMatchObject({ leadHidden: true, canFill: true, lead: null, comparison: null });
    await expectRefused(await get(`/api/coaching/evaluations/${leadEval}`, u.agentA1));
    const home = await (await get('/api/me/summary', u.agentA1)).json();
    expect(home.evaluations.map((e: { id: number }) => e.id)).not.toContain(leadEval);
    expect(home.selfEvaluations.map((r: { id: number }) => r.id)).toEqual([requestId]);
    await expectRefused(await get(`/api/coaching/self-evaluations/${requestId}`, u.agentA2));
    await expectRefused(await get(`/api/coaching/self-evaluations/${requestId}`, u.leadB));
    expect((await (await get('/api/coaching/self-evaluations', u.agentA2)).json()).items).toEqual([]);
  });

  it("the open self-evaluation draft is sealed: no lead, QA or admin reads or changes it — not by id, in the list or the call's context", async () => {
    const e = schema.evaluations;
    expect((await req('PUT', `/api/coaching/self-evaluations/${requestId}`, u.agentA1, { answers: { greeting: 'yes' } })).status).toBe(200);
    const [self] = await t.db
      .select({ id: e.id, version: e.version })
      .from(e)
      .where(and(eq(e.callId, call()), eq(e.kind, 'self'), eq(e.status, 'draft')));
    for (const who of [u.leadA, u.qa, u.admin]) {
      await expectRefused(await get(`/api/evaluations/${self!.id}`, who));
      await expectRefused(
        await req('PUT', `/api/evaluations/${self!.id}/draft`, who, { version: self!.version, answers: { greeting: 'no' } })
      );
      await expectRefused(await req('POST', `/api/evaluations/${self!.id}/submit`, who, { version: self!.version, answers: WEAK }));
      const listed = (await (await get('/api/evaluations?kind=self&limit=200', who)).json()).items as { id: number }[];
      expect(listed.map((x) => x.id)).not.toContain(self!.id);
      const context = await (await get(`/api/calls/${call()}/evaluation-context`, who)).json();
      expect((context.evaluations as { id: number }[]).map((x) => x.id)).not.toContain(self!.id);
    }
    // The agent's own draft stays as the agent left it.
    const [after] = await t.db.select({ answers: e.answers, status: e.status }).from(e).where(eq(e.id, self!.id));
    expect(after).toEqual({ answers: { greeting: 'yes' }, status: 'draft' });
  });

  it('submitting needs every required item; then both show side by side with the gap per item', async () => {
    await expectRefused(await req('PUT', `/api/coaching/self-evaluations/${requestId}`, u.agentA2, { answers: { greeting: 'yes' } }));
    await expectRefused(await req('PUT', `/api/coaching/self-evaluations/${requestId}`, u.leadA, { answers: { greeting: 'yes' } }), [403]);
    expect((await req('PUT', `/api/coaching/self-evaluations/${requestId}`, u.agentA1, { answers: { greeting: 'yes' } })).status).toBe(200);
    const incomplete = await req('PUT', `/api/coaching/self-evaluations/${requestId}`, u.agentA1, { answers: {}, submit: true });
    expect(incomplete.status).toBe(400);
    const done = await req('PUT', `/api/coaching/self-evaluations/${requestId}`, u.agentA1, {
      answers: { empathy: 5, need: 'yes', 'next-step': 'no', 'id-check': 'yes' },
      submit: true
    });
    expect(done.status, await done.clone().text()).toBe(200);
    const view = await (await get(`/api/coaching/self-evaluations/${requestId}`, u.agentA1)).json();
    expect(view.leadHidden).toBe(false);
    expect(view.lead.evaluationId).toBe(leadEval);
    const gap = Object.fromEntries(view.comparison.rows.map((r: { itemId: string; gap: number | null }) => [r.itemId, r.gap]));
    expect(gap).toEqual({ greeting: 100, empathy: 75, need: 100, 'next-step': 0, 'id-check': 0 });
    expect(view.comparison.summary).toMatchObject({ items: 5, compared: 5, sameAnswer: 2, selfHigher: 3, selfLower: 0 });
    expect((await get(`/api/coaching/evaluations/${leadEval}`, u.agentA1)).status).toBe(200);
    const lead = await (await get(`/api/coaching/self-evaluations/${requestId}`, u.leadA)).json();
    expect(lead.comparison.rows).toHaveLength(5);
    expect((await req('PUT', `/api/coaching/self-evaluations/${requestId}`, u.agentA1, { answers: { greeting: 'no' } })).status).toBe(409);
    // A submitted request is no longer withdrawn.
    expect((await req('POST', `/api/coaching/self-evaluations/${requestId}/cancel`, u.leadA)).status).toBe(409);
  });

  it('once submitted, the self-evaluation is unsealed: its lead, QA and admin read it by id and in the list', async () => {
    const e = schema.evaluations;
    const [self] = await t.db
      .select({ id: e.id })
      .from(e)
      .where(and(eq(e.callId, call()), eq(e.kind, 'self'), eq(e.status, 'submitted')));
    for (const who of [u.leadA, u.qa, u.admin]) {
      const res = await get(`/api/evaluations/${self!.id}`, who);
      expect(res.status, await res.clone().text()).toBe(200);
      expect((await res.json()).evaluation).toMatchObject({ id: self!.id, kind: 'self', status: 'submitted' });
      const listed = (await (await get('/api/evaluations?kind=self&limit=200', who)).json()).items as { id: number }[];
      expect(listed.map((x) => x.id)).toContain(self!.id);
    }
    await expectRefused(await get(`/api/evaluations/${self!.id}`, u.leadB));
  });

  it("a client auditor never reads the agent's self-evaluation: not by id, in the list, the aggregates or the call's context", async () => {
    const e = schema.evaluations;
    const [self] = await t.db
      .select({ id: e.id })
      .from(e)
      .where(and(eq(e.callId, call()), eq(e.kind, 'self'), eq(e.status, 'submitted')));
    expect((await get(`/api/evaluations/${self!.id}`, u.agentA1)).status).toBe(200);
    await expectRefused(await get(`/api/evaluations/${self!.id}`, u.auditorA));
    expect((await (await get('/api/evaluations?kind=self', u.auditorA)).json()).items).toEqual([]);
    const all = (await (await get('/api/evaluations?limit=200', u.auditorA)).json()).items as { id: number; kind: string }[];
    expect(all.map((x) => x.id)).toContain(leadEval); // the contact center's own scoring of the call stays readable
    expect(all.map((x) => x.kind)).not.toContain('self');
    expect((await (await get('/api/evaluations/aggregates?kinds=self', u.auditorA)).json()).rows).toEqual([]);
    expect((await (await get('/api/evaluations/aggregates?kinds=self', u.leadA)).json()).rows).toHaveLength(1);
    const context = await get(`/api/calls/${call()}/evaluation-context`, u.auditorA);
    if (context.status === 200) expect(((await context.json()).evaluations as { kind: string }[]).map((x) => x.kind)).not.toContain('self');
  });

  it("a coach withdraws an open request: the agent sees the lead's score again; asking again reopens it", async () => {
    const other = callsOf(org.agents.a1.id)[4]!.id;
    const asked = await (await req('POST', '/api/coaching/self-evaluations', u.leadA, { callId: other })).json();
    const leadEvalOther = await evaluate(u.leadA, other);
    await expectRefused(await get(`/api/coaching/evaluations/${leadEvalOther}`, u.agentA1)); // hidden while open
    expect((await req('PUT', `/api/coaching/self-evaluations/${asked.id}`, u.agentA1, { answers: { greeting: 'yes' } })).status).toBe(200);

    await expectRefused(await req('POST', `/api/coaching/self-evaluations/${asked.id}/cancel`, u.leadB));
    await expectRefused(await req('POST', `/api/coaching/self-evaluations/${asked.id}/cancel`, u.agentA1), [403]);
    const bad = await req('POST', `/api/coaching/self-evaluations/${asked.id}/cancel`, u.leadA, { reason: 'x'.repeat(501) });
    expect(bad.status).toBe(400);
    const ok = await req('POST', `/api/coaching/self-evaluations/${asked.id}/cancel`, u.leadA, { reason: 'wrong call' });
    expect(ok.status, await ok.clone().text()).toBe(200);
    expect((await req('POST', `/api/coaching/self-evaluations/${asked.id}/cancel`, u.leadA)).status).toBe(409);

    expect((await get(`/api/coaching/evaluations/${leadEvalOther}`, u.agentA1)).status).toBe(200);
    const home = await (await get('/api/me/summary', u.agentA1)).json();
    expect(home.selfEvaluations.map((r: { id: number }) => r.id)).not.toContain(asked.id);
    const refused = await req('PUT', `/api/coaching/self-evaluations/${asked.id}`, u.agentA1, { answers: { greeting: 'no' } });
    expect(refused.status).toBe(409);
    expect((await refused.json()).error.message).toMatch(/withdrew/);
    const audit = await t.db
      .select()
      .from(schema.auditLog)
      .where(and(eq(schema.auditLog.action, 'self_evaluation.cancel'), eq(schema.auditLog.objectId, String(asked.id))));
    expect(audit).toHaveLength(1);

    const again = await req('POST', '/api/coaching/self-evaluations', u.leadA, { callId: other, message: 'Now this one, please' });
    expect(again.status).toBe(201);
    expect(await again.json()).toMatchObject({ id: asked.id, selfEvaluationId: asked.selfEvaluationId });
    const view = await (await get(`/api/coaching/self-evaluations/${asked.id}`, u.agentA1)).json();
    expect(view).toMatchObject({ canFill: true, leadHidden: true, request: { status: 'open', message: 'Now this one, please' } });
    expect(view.self.answers).toEqual({}); // the old draft starts empty
  });
});

describe('cached scores after every coaching write (pnpm scores:verify)', () => {
  it('match what the answers give: self-evaluation drafts and submits, dispute revisions', async () => {
    expect(await verifyCachedScores(t.db)).toMatchObject({ ok: true });
  });
});
