// app first: @hono/zod-openapi must extend zod before shared schemas are built
import { createApp } from '../src/app.ts';
import { createHash, createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { schema } from '@attentive/db';
import { createTestDb } from '@attentive/db/testing';
import { createFixtureOrg, type FixtureOrg } from '@attentive/db/fixtures';
import type { ScorecardDefinitionInput } from '@attentive/shared/scorecard';
import type { Grant } from '@attentive/core';
import { loadEnv } from '../src/env.ts';
import { signInAs } from './support/auth.ts';
import { jsonRequests, type H } from './support/requests.ts';
import { publishScorecard } from './support/scorecard.ts';
import { calibrationSession } from './support/calibration-session.ts';

/**
 * The client's blind re-score (issue 17, docs/client-audit.md "The blind re-score"): the draw, THE seal (before the
 * client's auditor submits, nothing of the contact center's scores of a drawn call reaches it through any read;
 * afterwards it does), the client score that never reaches the agent or its figures, the comparison by hand, the
 * verification, and another client's auditor who finds nothing.
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
// Overall 100 and 0 (every weighted item full or empty).
const GOOD = { greeting: 'yes', empathy: 5, need: 'yes' };
const POOR = { greeting: 'no', empathy: 1, need: 'no' };

const clock = new Date('2026-11-20T10:00:00Z');
const DAY = '2026-11-20';
let t: Awaited<ReturnType<typeof createTestDb>>;
let app: ReturnType<typeof createApp>;
let org: FixtureOrg;
type Who = 'qa' | 'admin' | 'leadA' | 'agentA1' | 'auditorA' | 'auditorA2' | 'auditorB';
const u = {} as Record<Who, H>;
const label = {} as Record<Who, string>;
const person = {} as Record<Who, { personId: number; grants: Grant[] }>;
const { req, get } = jsonRequests(() => app);
/** Program a's evaluations by call (client a), program b's (client b). */
const evalOfCall = new Map<number, number>();

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

/** The contact center's QA scores a call (start + submit), as on the evaluation screen. */
async function qaScores(callId: number, answers: Record<string, unknown>) {
  const started = await ok(await req('POST', '/api/evaluations', u.qa, { callId }));
  const done = await ok(
    await req('POST', `/api/evaluations/${started.evaluation.id}/submit`, u.qa, { version: started.evaluation.version, answers })
  );
  evalOfCall.set(callId, done.evaluation?.id ?? started.evaluation.id);
}

const request = (h: H, body: unknown) => req('POST', '/api/client/rescores', h, body);
const listIds = async (h: H, query = '') =>
  ((await ok(await get(`/api/evaluations${query}`, h))).items as { id: number; callId: number }[]).map((e) => e.id);

beforeAll(async () => {
  t = await createTestDb();
  app = createApp({ db: t.db, env: loadEnv({ NODE_ENV: 'test' }), now: () => clock });
  org = await createFixtureOrg(t.db, { callsPerAgent: 10, start: new Date('2026-11-10T08:00:00Z') });
  await publishScorecard(t.db, org.tenantId, DEFINITION);
  const grants: Record<Who, { grants: Grant[]; personId?: number }> = {
    qa: { grants: [{ role: 'qa_analyst' }] },
    admin: { grants: [{ role: 'admin' }] },
    leadA: { grants: [{ role: 'team_lead', teamId: org.teams.a.id }] },
    agentA1: { grants: [{ role: 'agent' }], personId: org.agents.a1.id },
    auditorA: { grants: [{ role: 'client_auditor', clientId: org.clients.a.id }] },
    auditorA2: { grants: [{ role: 'client_auditor', clientId: org.clients.a.id }] },
    auditorB: { grants: [{ role: 'client_auditor', clientId: org.clients.b.id }] }
  };
  for (const [w, g] of Object.entries(grants) as [Who, (typeof grants)[Who]][]) {
    const s = await signInAs(app, t.db, { tenantId: org.tenantId, grants: g.grants, personId: g.personId, name: `Rescore ${w}` });
    u[w] = s.headers;
    label[w] = `user:${s.email}`;
    person[w] = { personId: s.personId, grants: g.grants };
  }
  // Every call of client a's program (agents a1, a2: 20) and four of client b's scored GOOD by the contact center.
  const bCalls = org.calls.filter((c) => c.programId === org.programs.b.id).slice(0, 4);
  for (const c of [...org.calls.filter((c) => c.programId === org.programs.a.id), ...bCalls]) await qaScores(c.id, GOOD);
});
afterAll(() => t.cleanup());

describe('asking for a re-score', () => {
  it('refuses bad input with a 400 naming the field, an empty period with 409, another client’s program with 404 — and stores nothing', async () => {
    const base = { programId: org.programs.a.id, fromDay: DAY, toDay: DAY, sharePercent: 20 };
    await refused(await request(u.auditorA, { ...base, sharePercent: 60 }), 400, /sharePercent/);
    await refused(await request(u.auditorA, { ...base, sharePercent: 0.1 }), 400, /sharePercent/);
    await refused(await request(u.auditorA, { ...base, toDay: '2026-11-21' }), 400, /after today/);
    await refused(await request(u.auditorA, { ...base, fromDay: '2025-11-01' }), 400, /at most 366/);
    await refused(await request(u.auditorA, { ...base, fromDay: '2026-11-21', toDay: '2026-11-20' }), 400, /from/);
    await refused(await request(u.auditorA, { ...base, fromDay: '2026-02-30' }), 400, /fromDay/);
    await refused(await request(u.auditorA, { ...base, fromDay: '2026-10-01', toDay: '2026-10-31' }), 409, /No submitted evaluations/);
    await refused(await request(u.auditorA, { ...base, programId: org.programs.b.id }), 404);
    await refused(await request(u.auditorB, base), 404);
    await refused(await request(u.qa, base), 403);
    await refused(await request(u.leadA, base), 403);
    await refused(await request(u.admin, base), 403);
    expect(await t.db.select().from(schema.clientRescores)).toEqual([]);
  });
});

describe('the blind re-score of client a', () => {
  let rescore: { id: number; seed: string; populationHash: string; items: { id: number; callId: number; rank: string }[] };
  let drawnCalls: number[];
  let undrawnCall: number;

  it('draws ceil(20% × 20) = 4 of the 20 submitted evaluations by their HMAC ranks, with seed and population hash', async () => {
    rescore = await ok(await request(u.auditorA, { fromDay: '2026-11-01', toDay: DAY, sharePercent: 20 }), 201);
    expect(rescore).toMatchObject({
      client: { id: org.clients.a.id },
      program: null,
      populationCount: 20,
      drawn: 4,
      scored: 0,
      canScore: true
    });
    expect(rescore.seed).toMatch(/^[0-9a-f]{64}$/);
    const aEvals = org.calls.filter((c) => c.programId === org.programs.a.id).map((c) => evalOfCall.get(c.id)!);
    const rank = (id: number) => createHmac('sha256', Buffer.from(rescore.seed, 'hex')).update(String(id)).digest('hex');
    const expected = [...aEvals].sort((x, y) => (rank(x) < rank(y) ? -1 : 1)).slice(0, 4);
    const items = await t.db.select().from(schema.clientRescoreItems).where(eq(schema.clientRescoreItems.rescoreId, rescore.id));
    expect(items.map((i) => i.evaluationId).sort()).toEqual([...expected].sort());
    expect(rescore.items.map((i) => i.rank)).toEqual(expected.map(rank));
    const sorted = [...aEvals].sort((x, y) => x - y).join('\n');
    expect(rescore.populationHash).toBe(createHash('sha256').update(sorted).digest('hex'));
    drawnCalls = rescore.items.map((i) => i.callId);
    undrawnCall = org.calls.find((c) => c.programId === org.programs.a.id && !drawnCalls.includes(c.id))!.id;
    const audit = await t.db.select().from(schema.auditLog).where(eq(schema.auditLog.action, 'client_rescore.request'));
    expect(audit).toHaveLength(1);
  });

  it('BEFORE submitting: the auditor reads nothing of the contact center’s scores of the drawn calls, through any read', async () => {
    const drawnEvals = drawnCalls.map((c) => evalOfCall.get(c)!);
    const visible = await listIds(u.auditorA, '?limit=200');
    expect(visible).toContain(evalOfCall.get(undrawnCall));
    for (const id of drawnEvals) expect(visible).not.toContain(id);
    expect(visible).toHaveLength(16);
    for (const c of drawnCalls) {
      expect(await listIds(u.auditorA, `?callId=${c}`)).toEqual([]);
      const context = await ok(await get(`/api/calls/${c}/evaluation-context`, u.auditorA));
      expect(context.evaluations).toEqual([]);
      expect(context.countingEvaluationId).toBeNull();
      // The call itself stays readable (to score it), and carries no score.
      const call = await ok(await get(`/api/calls/${c}`, u.auditorA));
      expect(JSON.stringify(call)).not.toMatch(/score/i);
    }
    for (const id of drawnEvals) await refused(await get(`/api/evaluations/${id}`, u.auditorA), 404);
    for (const id of await listIds(u.auditorA, '?kind=sampled&limit=200')) expect(drawnEvals).not.toContain(id);
    const calls = await ok(await get(`/api/calls?limit=200`, u.auditorA));
    expect(JSON.stringify(calls)).not.toMatch(/score/i);
    // The aggregates rest on the 16 readable evaluations only.
    const agg = await ok(await get('/api/evaluations/aggregates?groupBy=program', u.auditorA));
    expect(agg.rows.reduce((s: number, r: { n: number }) => s + r.n, 0)).toBe(16);
    // Undrawn calls: read as before.
    expect(await listIds(u.auditorA, `?callId=${undrawnCall}`)).toEqual([evalOfCall.get(undrawnCall)]);
    await ok(await get(`/api/evaluations/${evalOfCall.get(undrawnCall)}`, u.auditorA));
    // The contact center's own staff are not affected.
    expect(await listIds(u.qa, `?callId=${drawnCalls[0]}`)).toEqual([drawnEvals[0]]);
    expect(await listIds(u.leadA, `?callId=${drawnCalls[0]}`)).toEqual([drawnEvals[0]]);
    // The scoring screen: the call and scorecard, no score of anyone.
    const item = await ok(await get(`/api/client/rescores/${rescore.id}/items/${rescore.items[0]!.id}`, u.auditorA));
    expect(item).toMatchObject({ client: null, contactCenter: null, canScore: true, item: { position: 1, total: 4, scoredAt: null } });
    expect(item.call.id).toBe(drawnCalls[0]);
  });

  it('one client score per item: the first auditor drafts it, another gets 409 naming them and never sees the draft', async () => {
    const [first] = rescore.items;
    const url = `/api/client/rescores/${rescore.id}/items/${first!.id}`;
    const draft = await ok(await req('PUT', `${url}/score`, u.auditorA, { answers: { greeting: 'no' } }));
    expect(draft).toMatchObject({ status: 'draft', answers: { greeting: 'no' }, scorer: label.auditorA });
    await refused(await req('PUT', `${url}/score`, u.auditorA2, { answers: { greeting: 'yes' } }), 409, new RegExp(label.auditorA));
    const seen = await ok(await get(url, u.auditorA2));
    expect(seen).toMatchObject({ client: null, scorer: label.auditorA, canScore: false, contactCenter: null });
    // The contact center never scores as the client; a lead cannot even see the re-score; a bad answer is a 400.
    await refused(await req('PUT', `${url}/score`, u.qa, { answers: { greeting: 'yes' } }), 403);
    await refused(await req('PUT', `${url}/score`, u.admin, { answers: { greeting: 'yes' } }), 403);
    await refused(await req('PUT', `${url}/score`, u.leadA, { answers: { greeting: 'yes' } }), 404);
    await refused(await req('PUT', `${url}/score`, u.auditorA, { answers: { greeting: 'maybe' } }), 400, /greeting/);
    await refused(await req('POST', `${url}/submit`, u.auditorA, { answers: {} }), 400, /empathy|required/);
    // The draft is its author's alone, in every generic read too.
    await refused(await get(`/api/evaluations/${draft.evaluationId}`, u.qa), 404);
    expect(await listIds(u.qa, `?callId=${first!.callId}`)).not.toContain(draft.evaluationId);
    // The generic evaluation verbs never change it.
    await refused(
      await req('PUT', `/api/evaluations/${draft.evaluationId}/draft`, u.auditorA, { version: draft.version, answers: GOOD }),
      404
    );
  });

  it('AFTER submitting: both scores side by side, the seal lifted for that call only; the agent never sees the client score', async () => {
    const qaAggBefore = await ok(await get('/api/evaluations/aggregates?groupBy=agent', u.qa));
    const agentBefore = await listIds(u.agentA1, '?limit=200');
    const [first, second] = rescore.items;
    const url = `/api/client/rescores/${rescore.id}/items/${first!.id}`;
    const screen = await ok(await req('POST', `${url}/submit`, u.auditorA, { answers: POOR }));
    expect(screen.client).toMatchObject({ status: 'submitted', score: { score: 0 } });
    expect(screen.contactCenter).toMatchObject({ evaluationId: evalOfCall.get(first!.callId), score: { score: 100 } });
    expect(screen.item.scoredAt).not.toBeNull();
    expect(screen.canScore).toBe(false);
    await refused(await req('PUT', `${url}/score`, u.auditorA, { answers: GOOD }), 409, /submitted/);
    await refused(await req('POST', `${url}/submit`, u.auditorA, { answers: GOOD }), 409, /submitted/);

    const ccEval = evalOfCall.get(first!.callId)!;
    await ok(await get(`/api/evaluations/${ccEval}`, u.auditorA));
    expect(await listIds(u.auditorA, `?callId=${first!.callId}`)).toEqual(expect.arrayContaining([ccEval, screen.client.evaluationId]));
    const context = await ok(await get(`/api/calls/${first!.callId}/evaluation-context`, u.auditorA));
    expect(context.evaluations.map((e: { id: number }) => e.id)).toContain(ccEval);
    // The other drawn calls stay sealed.
    await refused(await get(`/api/evaluations/${evalOfCall.get(second!.callId)}`, u.auditorA), 404);
    // The contact center sees the submitted client score (the outcome).
    await ok(await get(`/api/evaluations/${screen.client.evaluationId}`, u.qa));

    // The agent: never the client's score, and its figures do not move.
    const agentId = (await t.db.select().from(schema.evaluations).where(eq(schema.evaluations.id, ccEval)))[0]!.agentId!;
    const agent = agentId === org.agents.a1.id ? u.agentA1 : null;
    if (agent) await refused(await get(`/api/evaluations/${screen.client.evaluationId}`, agent), 404);
    expect(await listIds(u.agentA1, '?limit=200')).toEqual(agentBefore);
    expect(await ok(await get('/api/evaluations/aggregates?groupBy=agent', u.qa))).toEqual(qaAggBefore);
    const audit = await t.db.select().from(schema.auditLog).where(eq(schema.auditLog.action, 'client_rescore.score'));
    expect(audit).toHaveLength(1);
  });

  it('compares contact center − client per item and overall over the scored items only (by hand)', async () => {
    const [, second] = rescore.items;
    await ok(await req('POST', `/api/client/rescores/${rescore.id}/items/${second!.id}/submit`, u.auditorA2, { answers: GOOD }));
    const cmp = await ok(await get(`/api/client/rescores/${rescore.id}/comparison`, u.auditorA));
    // Pairs: (100 − 0) and (100 − 100): mean 50, n 2; t(0.975, 1) = 12.706 · 70.71 / √2 = 635 → clamped to ±100.
    expect(cmp).toMatchObject({
      scored: 2,
      drawn: 4,
      overall: { difference: { n: 2, estimate: 50, low: -100, high: 100 }, reading: 'noise' }
    });
    expect(cmp.pairs.map((p: { difference: number }) => p.difference)).toEqual([100, 0]);
    const byItem = Object.fromEntries(cmp.items.map((i: { itemId: string; difference: unknown }) => [i.itemId, i.difference]));
    expect(byItem.greeting).toMatchObject({ n: 2, estimate: 50 });
    expect(byItem.empathy).toMatchObject({ n: 2, estimate: 50 });
    expect(byItem.note).toMatchObject({ n: 0, estimate: null });
    // The contact center reads the same outcome; the list shows progress.
    expect(await ok(await get(`/api/client/rescores/${rescore.id}/comparison`, u.qa))).toEqual(cmp);
    const list = await ok(await get('/api/client/rescores', u.auditorA));
    expect(list.items).toEqual([expect.objectContaining({ id: rescore.id, drawn: 4, scored: 2 })]);
  });

  it('verifies: the stored draw matches the seed and the population; after tampering it says so', async () => {
    const v = await ok(await get(`/api/client/rescores/${rescore.id}/verify`, u.auditorA));
    expect(v).toMatchObject({ ok: true, missing: [], unexpected: [], recomputed: { populationCount: 20, drawn: 4 } });
    const csv = await get(`/api/client/rescores/${rescore.id}/population.csv`, u.auditorA);
    expect(csv.headers.get('content-type')).toMatch(/text\/csv/);
    const lines = (await csv.text()).trim().split('\n');
    expect(lines[0]).toBe('evaluation_id,rank,drawn');
    expect(lines).toHaveLength(21);
    const rows = lines.slice(1).map((l) => l.split(','));
    expect(rows.filter((r) => r[2] === '1')).toHaveLength(4);
    expect(
      createHash('sha256')
        .update(rows.map((r) => r[0]).join('\n'))
        .digest('hex')
    ).toBe(rescore.populationHash);
    for (const r of rows) expect(r[1]).toBe(createHmac('sha256', Buffer.from(rescore.seed, 'hex')).update(r[0]!).digest('hex'));

    const [, , third] = rescore.items;
    const undrawnEval = evalOfCall.get(undrawnCall)!;
    await t.db.update(schema.clientRescoreItems).set({ evaluationId: undrawnEval }).where(eq(schema.clientRescoreItems.id, third!.id));
    const bad = await ok(await get(`/api/client/rescores/${rescore.id}/verify`, u.auditorA));
    expect(bad.ok).toBe(false);
    expect(bad.unexpected).toEqual([undrawnEval]);
    expect(bad.checks.find((c: { name: string }) => c.name === 'draw').ok).toBe(false);
    await t.db
      .update(schema.clientRescoreItems)
      .set({ evaluationId: evalOfCall.get(third!.callId)! })
      .where(eq(schema.clientRescoreItems.id, third!.id));
    await t.db
      .update(schema.clientRescores)
      .set({ populationHash: '0'.repeat(64) })
      .where(eq(schema.clientRescores.id, rescore.id));
    const badHash = await ok(await get(`/api/client/rescores/${rescore.id}/verify`, u.auditorA));
    expect(badHash.checks.find((c: { name: string }) => c.name === 'population').ok).toBe(false);
    await t.db
      .update(schema.clientRescores)
      .set({ populationHash: rescore.populationHash })
      .where(eq(schema.clientRescores.id, rescore.id));
    expect((await ok(await get(`/api/client/rescores/${rescore.id}/verify`, u.auditorA))).ok).toBe(true);
  });

  it('another client’s auditor, a lead and an agent find nothing of it: 404 on every route; bad ids are 400', async () => {
    const item = rescore.items[2]!.id;
    const base = `/api/client/rescores/${rescore.id}`;
    for (const h of [u.auditorB, u.leadA, u.agentA1]) {
      for (const path of [base, `${base}/verify`, `${base}/population.csv`, `${base}/comparison`, `${base}/items/${item}`])
        await refused(await get(path, h), 404);
      await refused(await req('PUT', `${base}/items/${item}/score`, h, { answers: { greeting: 'yes' } }), 404);
      await refused(await req('POST', `${base}/items/${item}/submit`, h, { answers: GOOD }), 404);
      expect((await ok(await get('/api/client/rescores', h))).items).toEqual([]);
    }
    // An item of the re-score under another re-score's id, and ids in other spellings.
    const other = await ok(await request(u.auditorB, { fromDay: '2026-11-01', toDay: DAY, sharePercent: 50 }), 201);
    expect(other).toMatchObject({ populationCount: 4, drawn: 2 });
    await refused(await get(`/api/client/rescores/${other.id}/items/${item}`, u.auditorB), 404);
    await refused(await get(`/api/client/rescores/${other.id}`, u.auditorA), 404);
    for (const id of ['0x10', '%201', '1e3', '-1', '0']) {
      const res = await get(`/api/client/rescores/${id}`, u.auditorA);
      expect([400, 404]).toContain(res.status);
    }
    await refused(await get(`${base}/items/1e3`, u.auditorA), 400);
    // Client b's seal does not touch client a's auditor, and the other way round.
    const bCall = other.items[0].callId as number;
    await refused(await get(`/api/evaluations/${evalOfCall.get(bCall)}`, u.auditorB), 404);
    await ok(await get(`/api/evaluations/${evalOfCall.get(bCall)}`, u.qa));
  });

  it('a revealed calibration session holding an unscored drawn call keeps its results closed to the auditor until it scores that call', async () => {
    const fourth = rescore.items[3]!;
    const calls = [fourth.callId, undrawnCall];
    const answers = Object.fromEntries(calls.map((c) => [c, GOOD]));
    const { sessionId } = await calibrationSession(t.db, {
      tenantId: org.tenantId,
      programId: org.programs.a.id,
      callIds: calls,
      facilitatorId: person.qa.personId,
      participants: [person.qa, person.auditorA],
      scores: [answers, answers],
      revealed: true,
      now: clock
    });
    const results = `/api/calibration/sessions/${sessionId}/results`;
    const sealed = async (h: H) => (await ok(await get(`/api/calibration/sessions/${sessionId}`, h))).resultsSealed;
    // The other participant's answers and the agreed ones are the contact center's scores of the call.
    await refused(await get(results, u.auditorA), 409, new RegExp(`call ${fourth.callId}.*re-score`));
    expect(await sealed(u.auditorA)).toBe(true);
    const listed = await ok(await get('/api/calibration/sessions', u.auditorA));
    expect(listed.items.find((x: { id: number }) => x.id === sessionId)).toMatchObject({ status: 'revealed', resultsSealed: true });
    // The contact center's staff are not affected.
    await ok(await get(results, u.qa));
    expect(await sealed(u.qa)).toBe(false);
    // Scored: the results open.
    await ok(await req('POST', `/api/client/rescores/${rescore.id}/items/${fourth.id}/submit`, u.auditorA, { answers: POOR }));
    const open = await ok(await get(results, u.auditorA));
    expect(open.calls.map((c: { callId: number }) => c.callId)).toEqual(calls);
    expect(await sealed(u.auditorA)).toBe(false);
  });
});
