// app first: @hono/zod-openapi must extend zod before shared schemas are built
import { createApp } from '../src/app.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, sql } from 'drizzle-orm';
import { schema } from '@attentive/db';
import { createTestDb } from '@attentive/db/testing';
import { createFixtureOrg, type FixtureOrg } from '@attentive/db/fixtures';
import { loadEnv } from '../src/env.ts';
import { signInAs } from './support/auth.ts';
import { jsonRequests, type H } from './support/requests.ts';
import { mysteryAssignment } from './support/mystery-assignment.ts';

const NOW = new Date('2026-12-02T12:00:00Z');
const DIALLED = '2026-12-02T09:00:00.000Z';
let t: Awaited<ReturnType<typeof createTestDb>>;
let app: ReturnType<typeof createApp>;
let org: FixtureOrg;
const u = {} as Record<'qa' | 'admin' | 'lead' | 'agent' | 'shopper' | 'otherShopper', H>;
const person = {} as Record<'shopper' | 'otherShopper', number>;
const { req, get } = jsonRequests(() => app);

const answered = (over: Record<string, unknown> = {}) => ({
  dialledAt: DIALLED,
  outcome: 'answered',
  answeredAt: '2026-12-02T09:00:40.000Z',
  menuSteps: 2,
  menuChoices: ['2 — billing', '1 — annual statement'],
  holdSeconds: 30,
  transfers: 0,
  resolved: true,
  agentNameGiven: 'Anna',
  rightAnswerGiven: true,
  opportunityTaken: false,
  notes: 'Friendly.',
  answers: { greeting: 'yes', 'checks-email': 'no' },
  ...over
});

const newAssignment = async (shopper: 'shopper' | 'otherShopper' = 'shopper') =>
  (
    await mysteryAssignment(t.db, {
      tenantId: org.tenantId,
      programId: org.programs.a.id,
      shopperId: person[shopper],
      windowStart: new Date(NOW.getTime() - 3600_000)
    })
  ).assignment;

const count = async (table: typeof schema.mysteryCalls | typeof schema.evaluations | typeof schema.evaluationRevisions) =>
  (await t.db.select({ n: sql<number>`count(*)` }).from(table))[0]!.n;

async function expectBad(res: Response, path: string) {
  expect(res.status, await res.clone().text()).toBe(400);
  const body = (await res.json()) as { error: { details: { path: string }[] } };
  expect(body.error.details.map((d) => d.path)).toContain(path);
}

beforeAll(async () => {
  t = await createTestDb();
  app = createApp({ db: t.db, env: loadEnv({ NODE_ENV: 'test' }), now: () => NOW });
  org = await createFixtureOrg(t.db, { callsPerAgent: 2, start: new Date('2026-11-20T08:00:00Z') });
  const s = async (grants: Parameters<typeof signInAs>[2]['grants'], personId?: number, name?: string) =>
    signInAs(app, t.db, { tenantId: org.tenantId, grants, personId, name });
  u.qa = (await s([{ role: 'qa_analyst' }])).headers;
  u.admin = (await s([{ role: 'admin' }])).headers;
  u.lead = (await s([{ role: 'team_lead', teamId: org.teams.a.id }])).headers;
  u.agent = (await s([{ role: 'agent' }], org.agents.a1.id)).headers;
  for (const who of ['shopper', 'otherShopper'] as const) {
    const r = await s([{ role: 'mystery_shopper' }], undefined, `Shopper ${who}`);
    u[who] = r.headers;
    person[who] = r.personId;
  }
});
afterAll(() => t.cleanup());

describe("the shopper's assignments", () => {
  it('lists its own assignments only, open ones first; another shopper’s is not found', async () => {
    const mine = await newAssignment('shopper');
    const theirs = await newAssignment('otherShopper');
    const res = await get('/api/mystery/assignments/mine', u.shopper);
    expect(res.status).toBe(200);
    const { items } = (await res.json()) as { items: { id: number; due: string; shopperId: number }[] };
    expect(items.map((i) => i.id)).toContain(mine.id);
    expect(items.every((i) => i.shopperId === person.shopper)).toBe(true);
    expect(items.find((i) => i.id === mine.id)?.due).toBe('today');

    const detail = await get(`/api/mystery/assignments/${mine.id}`, u.shopper);
    expect(detail.status).toBe(200);
    const body = await detail.json();
    expect(body).toMatchObject({ canRecord: true, call: null, scenario: { question: 'Can you send me my annual statement?' } });
    expect(body.scorecard.definition.sections[0].items).toHaveLength(2);

    expect((await get(`/api/mystery/assignments/${theirs.id}`, u.shopper)).status).toBe(404);
    expect((await req('POST', `/api/mystery/assignments/${theirs.id}/call`, u.shopper, answered())).status).toBe(404);
    expect((await get('/api/mystery/assignments', u.shopper)).status).toBe(403);
    expect((await get(`/api/mystery/assignments/${mine.id}`, u.agent)).status).toBe(404);
    expect((await get(`/api/mystery/assignments/${mine.id}`, u.qa)).status).toBe(200);
    const all = (await (await get(`/api/mystery/assignments?shopperId=${person.otherShopper}`, u.qa)).json()) as {
      items: { id: number }[];
    };
    expect(all.items.map((i) => i.id)).toEqual([theirs.id]);
    expect((await get('/api/mystery/assignments/0x10', u.qa)).status).toBe(400);
  });

  it('sees no real calls and no agents’ scores', async () => {
    const calls = await get('/api/calls?limit=200', u.shopper);
    expect([200, 403, 404]).toContain(calls.status);
    if (calls.status === 200) expect(((await calls.json()) as { items: unknown[] }).items).toEqual([]);
    expect((await get(`/api/calls/${org.calls[0]!.id}`, u.shopper)).status).toBe(404);
    const evaluations = await get('/api/evaluations?limit=200', u.shopper);
    if (evaluations.status === 200) {
      const items = ((await evaluations.json()) as { items: { kind: string; evaluatorId: number | null }[] }).items;
      expect(items.filter((e) => e.evaluatorId !== person.shopper)).toEqual([]);
    } else expect([403, 404]).toContain(evaluations.status);
    const agg = await get('/api/evaluations/aggregates?groupBy=agent', u.shopper);
    if (agg.status === 200) expect(((await agg.json()) as { rows: unknown[] }).rows).toEqual([]);
  });
});

describe('recording a mystery call: bad input is refused and stores nothing', () => {
  it.each([
    ['answered before dialled', { answeredAt: '2026-12-02T08:59:00.000Z' }, 'answeredAt'],
    ['a negative hold', { holdSeconds: -5 }, 'holdSeconds'],
    ['negative transfers', { transfers: -1 }, 'transfers'],
    ['no answered-at though answered', { answeredAt: null }, 'answeredAt'],
    ['dialled tomorrow', { dialledAt: '2026-12-03T09:00:00.000Z', answeredAt: '2026-12-03T09:01:00.000Z' }, 'dialledAt'],
    ['a scenario that is not the assignment’s', { scenarioVersionId: 999_999 }, 'scenarioVersionId'],
    ['a scorecard answer that does not exist', { answers: { greeting: 'yes', 'checks-email': 'no', nope: 'yes' } }, 'answers.nope'],
    ['a missing required scorecard answer', { answers: { greeting: 'yes' } }, 'answers.checks-email'],
    ['a date that is not one', { dialledAt: 'yesterday' }, 'dialledAt'],
    [
      'scores although nobody answered',
      { outcome: 'never_answered', answeredAt: null, resolved: null, rightAnswerGiven: null, opportunityTaken: null, agentNameGiven: null },
      'answers'
    ]
  ])('%s → 400 naming %s', async (_what, over, path) => {
    const a = await newAssignment();
    const before = await Promise.all([count(schema.mysteryCalls), count(schema.evaluations), count(schema.evaluationRevisions)]);
    await expectBad(await req('POST', `/api/mystery/assignments/${a.id}/call`, u.shopper, answered(over)), path);
    expect(await Promise.all([count(schema.mysteryCalls), count(schema.evaluations), count(schema.evaluationRevisions)])).toEqual(before);
    const [row] = await t.db.select().from(schema.mysteryAssignments).where(eq(schema.mysteryAssignments.id, a.id));
    expect(row!.status).toBe('planned');
  });

  it('an unknown assignment is 404; a manager may read but not record it (403)', async () => {
    expect((await req('POST', '/api/mystery/assignments/999999/call', u.shopper, answered())).status).toBe(404);
    const a = await newAssignment();
    expect((await req('POST', `/api/mystery/assignments/${a.id}/call`, u.qa, answered())).status).toBe(403);
  });
});

describe('recording, reading and matching a mystery call', () => {
  let assignmentId: number;
  let mysteryCallId: number;
  let evaluationId: number;

  it('stores the report and a submitted mystery evaluation without agent, completes the assignment; a second record is 409', async () => {
    const a = await newAssignment();
    assignmentId = a.id;
    const res = await req('POST', `/api/mystery/assignments/${a.id}/call`, u.shopper, answered({ scenarioVersionId: a.scenarioVersionId }));
    expect(res.status, await res.clone().text()).toBe(201);
    ({ id: mysteryCallId, evaluationId } = await res.json());
    const [e] = await t.db.select().from(schema.evaluations).where(eq(schema.evaluations.id, evaluationId));
    expect(e).toMatchObject({
      kind: 'mystery',
      status: 'submitted',
      agentId: null,
      callId: null,
      evaluatorId: person.shopper,
      revision: 1
    });
    expect(e!.overallScore).toBeCloseTo(100 / 3);
    const revisions = await t.db.select().from(schema.evaluationRevisions).where(eq(schema.evaluationRevisions.evaluationId, evaluationId));
    expect(revisions).toHaveLength(1);
    const [mc] = await t.db.select().from(schema.mysteryCalls).where(eq(schema.mysteryCalls.id, mysteryCallId));
    expect(mc).toMatchObject({ outcome: 'answered', holdSeconds: 30, menuSteps: 2, agentNameGiven: 'Anna', evaluationId });
    const [row] = await t.db.select().from(schema.mysteryAssignments).where(eq(schema.mysteryAssignments.id, a.id));
    expect(row!.status).toBe('completed');
    const audit = await t.db
      .select()
      .from(schema.auditLog)
      .where(and(eq(schema.auditLog.objectType, 'mystery_call'), eq(schema.auditLog.objectId, String(mysteryCallId))));
    expect(audit.map((r) => r.action)).toEqual(['mystery_call.record']);

    const again = await req('POST', `/api/mystery/assignments/${a.id}/call`, u.shopper, answered());
    expect(again.status).toBe(409);
    expect(await count(schema.mysteryCalls)).toBe(1);
  });

  it('a call nobody answered is stored without an evaluation', async () => {
    const a = await newAssignment();
    const res = await req('POST', `/api/mystery/assignments/${a.id}/call`, u.shopper, {
      dialledAt: DIALLED,
      outcome: 'gave_up',
      gaveUpAfterSeconds: 240,
      menuSteps: 1,
      menuChoices: ['2'],
      holdSeconds: 200
    });
    expect(res.status, await res.clone().text()).toBe(201);
    expect((await res.json()).evaluationId).toBeNull();
    const detail = await (await get(`/api/mystery/assignments/${a.id}`, u.shopper)).json();
    expect(detail).toMatchObject({ canRecord: false, call: { outcome: 'gave_up', gaveUpAfterSeconds: 240 }, scores: null });
  });

  it('the shopper reads its own record without the score; managers read the score', async () => {
    const mine = await (await get(`/api/mystery/calls/${mysteryCallId}`, u.shopper)).json();
    expect(mine.scores).toMatchObject({ evaluationId, overallScore: null, failed: null, answers: { greeting: 'yes' } });
    expect(mine.canMatch).toBe(false);
    expect((await get(`/api/mystery/calls/${mysteryCallId}`, u.otherShopper)).status).toBe(404);
    expect((await get(`/api/mystery/calls/${mysteryCallId}`, u.lead)).status).toBe(404);
    const qa = await (await get(`/api/mystery/calls/${mysteryCallId}`, u.qa)).json();
    expect(qa.scores.overallScore).toBeCloseTo(100 / 3);
    expect(qa.canMatch).toBe(true);
    const list = await (await get('/api/mystery/calls?unmatched=true', u.qa)).json();
    expect(list.items.map((i: { id: number }) => i.id)).toEqual([mysteryCallId]);
    expect((await get('/api/mystery/calls', u.shopper)).status).toBe(403);
    expect((await get(`/api/mystery/assignments/${assignmentId}`, u.shopper)).status).toBe(200);
  });

  it('counts for the program before the match and for the agent only after it', async () => {
    const agg = async (groupBy: string) =>
      (
        (await (await get(`/api/evaluations/aggregates?groupBy=${groupBy}&kinds=mystery`, u.admin)).json()) as {
          rows: { group: { id: number | null }; n: number }[];
        }
      ).rows;
    expect((await agg('program')).find((r) => r.group.id === org.programs.a.id)?.n).toBe(1);
    expect(await agg('agent')).toEqual([]);

    // An imported call of the program answered 20 s from the shopper's answered-at, by agent a1 (renamed Anna).
    await t.db.update(schema.people).set({ name: 'Anna de Vries' }).where(eq(schema.people.id, org.agents.a1.id));
    const [near] = await t.db
      .insert(schema.calls)
      .values({
        tenantId: org.tenantId,
        source: 'test',
        externalId: 'mystery-near',
        programId: org.programs.a.id,
        queueId: org.queues.a.id,
        agentId: org.agents.a1.id,
        direction: 'inbound',
        startedAt: new Date('2026-12-02T09:00:10Z'),
        answerSeconds: 50,
        talkSeconds: 200
      })
      .returning();
    const [other] = await t.db
      .insert(schema.calls)
      .values({
        tenantId: org.tenantId,
        source: 'test',
        externalId: 'mystery-nearer',
        programId: org.programs.a.id,
        queueId: org.queues.a.id,
        agentId: org.agents.a2.id,
        direction: 'inbound',
        startedAt: new Date('2026-12-02T09:00:35Z'),
        answerSeconds: 5,
        talkSeconds: 200
      })
      .returning();
    const cand = await (await get(`/api/mystery/calls/${mysteryCallId}/candidates`, u.qa)).json();
    // The name the shopper was given ranks first, though the other call is nearer in time.
    expect(cand.candidates.map((c: { callId: number }) => c.callId)).toEqual([near!.id, other!.id]);
    expect(cand.candidates[0]).toMatchObject({ nameMatches: true, distanceSeconds: 20, agentName: 'Anna de Vries' });
    expect(cand.agents[0]).toMatchObject({ id: org.agents.a1.id, nameMatches: true });
    expect((await get(`/api/mystery/calls/${mysteryCallId}/candidates`, u.shopper)).status).toBe(403);

    await expectBad(
      await req('POST', `/api/mystery/calls/${mysteryCallId}/match`, u.qa, {
        callId: org.calls.find((c) => c.programId !== org.programs.a.id)!.id
      }),
      'match.callId'
    );
    await expectBad(await req('POST', `/api/mystery/calls/${mysteryCallId}/match`, u.qa, { agentId: person.shopper }), 'match.agentId');
    await expectBad(await req('POST', `/api/mystery/calls/${mysteryCallId}/match`, u.qa, {}), 'callId');
    expect((await req('POST', `/api/mystery/calls/${mysteryCallId}/match`, u.shopper, { callId: near!.id })).status).toBe(403);

    const m = await req('POST', `/api/mystery/calls/${mysteryCallId}/match`, u.qa, { callId: near!.id });
    expect(m.status, await m.clone().text()).toBe(200);
    expect(await m.json()).toMatchObject({ agentId: org.agents.a1.id, matchedCallId: near!.id });
    expect((await agg('agent')).map((r) => [r.group.id, r.n])).toEqual([[org.agents.a1.id, 1]]);
    expect((await agg('program')).find((r) => r.group.id === org.programs.a.id)?.n).toBe(1);
    const list = await (await get('/api/mystery/calls?unmatched=true', u.qa)).json();
    expect(list.items).toEqual([]);

    // Re-matching to another agent directly: allowed, audited with before and after.
    const re = await req('POST', `/api/mystery/calls/${mysteryCallId}/match`, u.admin, { agentId: org.agents.a2.id });
    expect(re.status, await re.clone().text()).toBe(200);
    expect((await agg('agent')).map((r) => [r.group.id, r.n])).toEqual([[org.agents.a2.id, 1]]);
    const audit = await t.db
      .select()
      .from(schema.auditLog)
      .where(and(eq(schema.auditLog.action, 'mystery_call.match'), eq(schema.auditLog.objectId, String(mysteryCallId))));
    expect(audit.map((r) => [JSON.parse(r.before!), JSON.parse(r.after!)])).toEqual([
      [
        { agentId: null, matchedCallId: null },
        { agentId: org.agents.a1.id, matchedCallId: near!.id }
      ],
      [
        { agentId: org.agents.a1.id, matchedCallId: near!.id },
        { agentId: org.agents.a2.id, matchedCallId: null }
      ]
    ]);
    const detail = await (await get(`/api/mystery/calls/${mysteryCallId}`, u.qa)).json();
    expect(detail.call).toMatchObject({ agentId: org.agents.a2.id, matchedCallId: null, matchedBy: expect.any(String) });
  });
});
