// app first: @hono/zod-openapi must extend zod before shared schemas are built
import { createApp } from '../src/app.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { schema } from '@attentive/db';
import { createTestDb } from '@attentive/db/testing';
import { createFixtureOrg, type FixtureOrg } from '@attentive/db/fixtures';
import type { ScorecardDefinitionInput } from '@attentive/shared/scorecard';
import { createSamplingPlan, publishSamplingPlan, runSamplingPlan, systemPrincipal, type Grant } from '@attentive/core';
import { loadEnv } from '../src/env.ts';
import { signInAs } from './support/auth.ts';
import { jsonRequests, type H } from './support/requests.ts';
import { publishScorecard } from './support/scorecard.ts';
import { calibrationSession } from './support/calibration-session.ts';

/**
 * Blind calibration scoring (issue 15, docs/calibration-scoring.md): the scoring endpoints, and the seal — before
 * the reveal nobody but its author reads a calibration score through ANY endpoint; agents never; it never counts.
 */
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
        { id: 'need', text: 'Finds the need', answer: { type: 'yes_no' }, weight: 4, naAllowed: true, dimension: 'customer_oriented' },
        { id: 'note', text: 'Leaves a note', answer: { type: 'yes_no' }, weight: 1, required: false, dimension: 'compliance' }
      ]
    }
  ]
};
const GOOD = { greeting: 'yes', empathy: 5, need: 'yes' };
const POOR = { greeting: 'no', empathy: 1, need: 'no' };

const clock = new Date('2026-11-10T10:00:00Z');
let t: Awaited<ReturnType<typeof createTestDb>>;
let app: ReturnType<typeof createApp>;
let org: FixtureOrg;
type Who = 'facilitator' | 'admin' | 'leadA' | 'leadB' | 'qa2' | 'auditorA' | 'leadOther' | 'agentA1';
const u = {} as Record<Who, H>;
const person = {} as Record<Who, number>;
const grantsOf = {} as Record<Who, Grant[]>;
const { req, get } = jsonRequests(() => app);

const callsOf = (agentId: number) => org.calls.filter((c) => c.agentId === agentId).map((c) => c.id);
const scoreUrl = (s: number, c: number) => `/api/calibration/sessions/${s}/calls/${c}/score`;
const put = (h: H, s: number, c: number, body: unknown) => req('PUT', scoreUrl(s, c), h, body);
const participant = (w: Who) => ({ personId: person[w], grants: grantsOf[w] });

/** A session of three of agent a1's calls: leads A and B, a second QA analyst and client a's auditor take part. */
async function session(o: Partial<Parameters<typeof calibrationSession>[1]> = {}) {
  return calibrationSession(t.db, {
    tenantId: org.tenantId,
    programId: org.programs.a.id,
    callIds: callsOf(org.agents.a1.id).slice(0, 3),
    facilitatorId: person.facilitator,
    participants: (['leadA', 'leadB', 'qa2', 'auditorA'] as const).map(participant),
    now: clock,
    ...o
  });
}

async function ok(res: Response, status = 200) {
  expect(res.status, await res.clone().text()).toBe(status);
  return res.json();
}
async function refused(res: Response, status: number, message?: RegExp) {
  expect(res.status, await res.clone().text()).toBe(status);
  const body = await res.json();
  expect(Object.keys(body)).toEqual(['error']);
  if (message) expect(body.error.message).toMatch(message);
  return body;
}

beforeAll(async () => {
  t = await createTestDb();
  app = createApp({ db: t.db, env: loadEnv({ NODE_ENV: 'test' }), now: () => clock });
  org = await createFixtureOrg(t.db, { callsPerAgent: 8 });
  await publishScorecard(t.db, org.tenantId, DEFINITION);
  const grants: Record<Who, { grants: Grant[]; personId?: number }> = {
    facilitator: { grants: [{ role: 'qa_analyst' }] },
    admin: { grants: [{ role: 'admin' }] },
    leadA: { grants: [{ role: 'team_lead', teamId: org.teams.a.id }] },
    leadB: { grants: [{ role: 'team_lead', teamId: org.teams.b.id }] },
    qa2: { grants: [{ role: 'qa_analyst' }] },
    auditorA: { grants: [{ role: 'client_auditor', clientId: org.clients.a.id }] },
    leadOther: { grants: [{ role: 'team_lead', teamId: org.teams.a.id }] },
    agentA1: { grants: [{ role: 'agent' }], personId: org.agents.a1.id }
  };
  for (const [w, g] of Object.entries(grants) as [Who, (typeof grants)[Who]][]) {
    const s = await signInAs(app, t.db, { tenantId: org.tenantId, grants: g.grants, personId: g.personId, name: `Cal ${w}` });
    u[w] = s.headers;
    person[w] = s.personId;
    grantsOf[w] = g.grants;
  }
});
afterAll(() => t.cleanup());

describe('a participant scores a call blind', () => {
  it('saves a draft, submits, changes it by submitting again (a new revision); the screen shows its own score and place', async () => {
    const { sessionId } = await session();
    const [c1, c2, c3] = callsOf(org.agents.a1.id);
    const first = await ok(await get(scoreUrl(sessionId, c2!), u.leadA));
    expect(first).toMatchObject({
      session: { id: sessionId, status: 'open', revealed: false },
      call: { id: c2, hasRecording: expect.any(Boolean) },
      mine: null,
      canScore: true,
      position: 2,
      total: 3,
      prevCallId: c1,
      nextCallId: c3,
      scorecard: { version: 1, name: 'Default' }
    });
    expect(first.scorecard.definition.sections).toHaveLength(2);
    expect(first.contact.agent).toMatchObject({ id: org.agents.a1.id });

    const draft = await ok(await put(u.leadA, sessionId, c2!, { answers: { greeting: 'yes' } }));
    expect(draft).toMatchObject({ status: 'draft', revision: 0, answers: { greeting: 'yes' } });
    const submitted = await ok(
      await put(u.leadA, sessionId, c2!, { answers: { empathy: 4, need: 'na' }, submit: true, version: draft.version })
    );
    expect(submitted).toMatchObject({ status: 'submitted', revision: 1, answers: { greeting: 'yes', empathy: 4, need: 'na' } });
    expect(submitted.score.score).toBeGreaterThan(0);
    // A submitted score is not saved back to a draft: only a new submission changes it.
    await refused(await put(u.leadA, sessionId, c2!, { answers: { greeting: 'no' }, version: submitted.version }), 409, /submitting again/);
    const again = await ok(await put(u.leadA, sessionId, c2!, { answers: { greeting: 'no' }, submit: true, version: submitted.version }));
    expect(again).toMatchObject({ status: 'submitted', revision: 2, answers: { greeting: 'no', empathy: 4, need: 'na' } });
    const revisions = await t.db
      .select()
      .from(schema.evaluationRevisions)
      .where(eq(schema.evaluationRevisions.evaluationId, again.evaluationId));
    expect(revisions.map((r) => r.revision).sort()).toEqual([1, 2]);
    expect(revisions.find((r) => r.revision === 2)!.reason).toBe('changed before the reveal');

    const reread = await ok(await get(scoreUrl(sessionId, c2!), u.leadA));
    expect(reread.mine).toMatchObject({ evaluationId: again.evaluationId, status: 'submitted', revision: 2, version: again.version });
    const audits = await t.db.select().from(schema.auditLog).where(eq(schema.auditLog.action, 'calibration.score'));
    expect(audits.filter((a) => a.objectId === String(again.evaluationId))).toHaveLength(2);
  });

  it('refuses a stale version (409), a bad item (400 naming it), a missing required item on submit, a call not in the session (404) — changing nothing', async () => {
    const { sessionId } = await session();
    const [c1] = callsOf(org.agents.a1.id);
    const saved = await ok(await put(u.leadB, sessionId, c1!, { answers: { greeting: 'yes' } }));
    await ok(await put(u.leadB, sessionId, c1!, { answers: { empathy: 3 }, version: saved.version }));
    await refused(await put(u.leadB, sessionId, c1!, { answers: { empathy: 2 }, version: saved.version }), 409);
    const bad = await refused(await put(u.leadB, sessionId, c1!, { answers: { empathy: 9 } }), 400);
    expect(JSON.stringify(bad.error)).toMatch(/answers\.empathy/);
    const unknown = await refused(await put(u.leadB, sessionId, c1!, { answers: { nonsense: 'yes' } }), 400);
    expect(JSON.stringify(unknown.error)).toMatch(/nonsense/);
    const missing = await refused(await put(u.leadB, sessionId, c1!, { answers: {}, submit: true }), 400);
    expect(JSON.stringify(missing.error)).toMatch(/answers\.need/);
    const now = await ok(await get(scoreUrl(sessionId, c1!), u.leadB));
    expect(now.mine).toMatchObject({ status: 'draft', answers: { greeting: 'yes', empathy: 3 } });

    const outside = callsOf(org.agents.a2.id)[0]!;
    await refused(await get(scoreUrl(sessionId, outside), u.leadB), 404);
    await refused(await put(u.leadB, sessionId, outside, { answers: { greeting: 'yes' } }), 404);
    await refused(await get(scoreUrl(999_999, c1!), u.leadB), 404);
    for (const spelling of ['0x10', '%201', '1e3', '0', '-1'])
      expect([400, 404]).toContain((await get(`/api/calibration/sessions/${spelling}/calls/${c1}/score`, u.leadB)).status);
    expect((await req('PUT', scoreUrl(sessionId, c1!), u.leadB, { answers: 'yes' })).status).toBe(400);
  });

  it('after the reveal it opens read-only and refuses every change (409)', async () => {
    const [c1] = callsOf(org.agents.a1.id);
    const { sessionId } = await session({ scores: [{ [c1!]: GOOD }], revealed: true });
    const view = await ok(await get(scoreUrl(sessionId, c1!), u.leadA));
    expect(view).toMatchObject({ session: { status: 'revealed', revealed: true }, canScore: false, mine: { status: 'submitted' } });
    await refused(await put(u.leadA, sessionId, c1!, { answers: POOR, submit: true, version: view.mine.version }), 409, /revealed/);
    const other = await ok(await get(scoreUrl(sessionId, c1!), u.leadB));
    expect(other).toMatchObject({ canScore: false, mine: null });
  });

  it('only participants score: a lead who is not one cannot see the session (404); a manager who is not one gets 403; agents 404', async () => {
    const { sessionId } = await session();
    const [c1] = callsOf(org.agents.a1.id);
    for (const w of ['leadOther', 'agentA1'] as const) {
      await refused(await get(scoreUrl(sessionId, c1!), u[w]), 404);
      await refused(await put(u[w], sessionId, c1!, { answers: GOOD }), 404);
    }
    for (const w of ['facilitator', 'admin'] as const) {
      await refused(await get(scoreUrl(sessionId, c1!), u[w]), 403, /only the participants/i);
      await refused(await put(u[w], sessionId, c1!, { answers: GOOD }), 403, /only the participants/i);
    }
    const rows = await t.db.select().from(schema.calibrationEvaluations).where(eq(schema.calibrationEvaluations.sessionId, sessionId));
    expect(rows).toHaveLength(0);
  });
});

describe('the seal: before the reveal nobody but the author reads a calibration score', () => {
  let sessionId: number;
  let evaluationId: number;
  let callId: number;

  beforeAll(async () => {
    callId = callsOf(org.agents.a1.id)[0]!;
    ({ sessionId } = await session({ scores: [{ [callId]: POOR }], drafts: [{}, { [callId]: { greeting: 'yes' } }] }));
    const [row] = await t.db
      .select()
      .from(schema.calibrationEvaluations)
      .where(
        and(
          eq(schema.calibrationEvaluations.sessionId, sessionId),
          eq(schema.calibrationEvaluations.callId, callId),
          eq(schema.calibrationEvaluations.participantId, person.leadA)
        )
      );
    evaluationId = row!.evaluationId;
  });

  it('its author reads it (so the checks below can fail)', async () => {
    const list = await ok(await get('/api/evaluations?kind=calibration', u.leadA));
    expect(list.items.map((e: { id: number }) => e.id)).toContain(evaluationId);
    expect((await get(`/api/evaluations/${evaluationId}`, u.leadA)).status).toBe(200);
    const mine = await ok(await get(scoreUrl(sessionId, callId), u.leadA));
    expect(mine.mine).toMatchObject({ evaluationId, answers: POOR });
  });

  for (const who of ['leadB', 'qa2', 'auditorA', 'facilitator', 'admin', 'agentA1', 'leadOther'] as const)
    it(`${who} reads neither its answers nor its score: list, kind=calibration, detail, call context, scoring screen`, async () => {
      for (const q of ['', '?kind=calibration', `?callId=${callId}`, '?mine=false']) {
        const res = await get(`/api/evaluations${q}`, u[who]);
        if (res.status === 200) expect((await res.json()).items.map((e: { id: number }) => e.id)).not.toContain(evaluationId);
        else expect([403, 404]).toContain(res.status);
      }
      await refused(await get(`/api/evaluations/${evaluationId}`, u[who]), 404);
      const context = await get(`/api/calls/${callId}/evaluation-context`, u[who]);
      if (context.status === 200) {
        const body = await context.json();
        expect(body.evaluations.map((e: { id: number }) => e.id)).not.toContain(evaluationId);
        expect(body.countingEvaluationId).toBeNull();
      } else expect([403, 404]).toContain(context.status);
      const screen = await get(scoreUrl(sessionId, callId), u[who]);
      if (screen.status === 200) {
        const body = await screen.json();
        expect(body.mine?.evaluationId ?? null).not.toBe(evaluationId);
        expect(JSON.stringify(body)).not.toContain(`"evaluationId":${evaluationId}`);
      } else expect([403, 404]).toContain(screen.status);
    });

  it("another participant's own screen holds its own draft, never the first one's answers", async () => {
    const other = await ok(await get(scoreUrl(sessionId, callId), u.leadB));
    expect(other.mine).toMatchObject({ status: 'draft', answers: { greeting: 'yes' } });
    expect(other.mine.answers).not.toHaveProperty('empathy');
  });

  it('agents never see calibration scores, even after the reveal', async () => {
    const revealed = await session({ scores: [{ [callId]: POOR }], revealed: true });
    const [row] = await t.db
      .select()
      .from(schema.calibrationEvaluations)
      .where(
        and(eq(schema.calibrationEvaluations.sessionId, revealed.sessionId), eq(schema.calibrationEvaluations.participantId, person.leadA))
      );
    for (const q of ['', '?kind=calibration'])
      expect((await ok(await get(`/api/evaluations${q}`, u.agentA1))).items.map((e: { id: number }) => e.id)).not.toContain(
        row!.evaluationId
      );
    await refused(await get(`/api/evaluations/${row!.evaluationId}`, u.agentA1), 404);
    await refused(await get(scoreUrl(revealed.sessionId, callId), u.agentA1), 404);
  });
});

describe('calibration scores never count', () => {
  it("leave the agent's aggregates, its sample item and a later sampled evaluation of the call as they were", async () => {
    const agentId = org.agents.a2.id;
    const calls = callsOf(agentId);
    // A sampled evaluation of another call first, so the aggregate has a value to keep.
    const start = await ok(await req('POST', '/api/evaluations', u.qa2, { callId: calls[5] }));
    await ok(
      await req('POST', `/api/evaluations/${start.evaluation.id}/submit`, u.qa2, { version: start.evaluation.version, answers: GOOD })
    );
    const figures = async () => (await ok(await get(`/api/evaluations/aggregates?groupBy=agent&agentId=${agentId}`, u.facilitator))).rows;
    const before = await figures();
    expect(before[0]).toMatchObject({ n: 1 });

    const sys = { db: t.db, principal: systemPrincipal(org.tenantId, 'test') };
    const plan = await createSamplingPlan({
      ctx: sys,
      input: {
        programId: org.programs.a.id,
        name: 'calibration never counts',
        definition: { period: 'week', timezone: 'UTC', quota: { perAgent: 8 }, exclude: { alreadySampled: false, alreadyEvaluated: false } }
      }
    });
    await publishSamplingPlan({ ctx: sys, input: { planId: plan.id } });
    const run = await runSamplingPlan({ ctx: sys, input: { planId: plan.id, date: '2026-11-02' } });
    const [item] = await t.db
      .select()
      .from(schema.sampleItems)
      .where(and(eq(schema.sampleItems.runId, run.runId), eq(schema.sampleItems.callId, calls[0]!)));
    expect(item, 'the draw holds the call').toBeDefined();

    const { sessionId } = await session({ callIds: [calls[0]!] });
    await ok(await put(u.leadA, sessionId, calls[0]!, { answers: POOR, submit: true }));
    expect(await figures()).toEqual(before);
    const [after] = await t.db.select().from(schema.sampleItems).where(eq(schema.sampleItems.id, item!.id));
    expect(after!.evaluationId).toBeNull();

    const context = await ok(await get(`/api/calls/${calls[0]}/evaluation-context`, u.qa2));
    expect(context.countingEvaluationId).toBeNull();
    const sampled = await ok(await req('POST', '/api/evaluations', u.qa2, { callId: calls[0] }));
    expect(sampled.evaluation.kind).toBe('sampled');
    await ok(
      await req('POST', `/api/evaluations/${sampled.evaluation.id}/submit`, u.qa2, { version: sampled.evaluation.version, answers: GOOD })
    );
    const [fulfilled] = await t.db.select().from(schema.sampleItems).where(eq(schema.sampleItems.id, item!.id));
    expect(fulfilled!.evaluationId).toBe(sampled.evaluation.id);
    expect((await figures())[0]).toMatchObject({ n: 2 });
  });
});

describe('the generic evaluation verbs refuse a calibration score', () => {
  it('draft save, submit, revise and comment → 403 naming its session; nothing changes', async () => {
    const [c1] = callsOf(org.agents.a1.id);
    const { sessionId } = await session({ scores: [{ [c1!]: GOOD }] });
    const mine = (await ok(await get(scoreUrl(sessionId, c1!), u.leadA))).mine;
    const id = mine.evaluationId;
    const message = /is a calibration score: change it in its calibration session/;
    await refused(await req('PUT', `/api/evaluations/${id}/draft`, u.leadA, { version: mine.version, answers: POOR }), 403, message);
    await refused(await req('POST', `/api/evaluations/${id}/submit`, u.leadA, { version: mine.version, answers: POOR }), 403, message);
    await refused(
      await req('POST', `/api/evaluations/${id}/revisions`, u.leadA, {
        revision: mine.revision,
        answers: POOR,
        reason: 'try the generic path'
      }),
      403,
      message
    );
    await refused(await req('POST', `/api/evaluations/${id}/comments`, u.leadA, { text: 'a comment' }), 403, message);
    const after = (await ok(await get(scoreUrl(sessionId, c1!), u.leadA))).mine;
    expect(after).toEqual(mine);
  });
});
