import { eq } from 'drizzle-orm';
import { schema } from '@attentive/db';
import { ensureScorecard } from './scorecard.ts';
import { everyone, noForeignIds, only, type Expectations } from './types.ts';
import type { Target, World } from './world.ts';

/**
 * The client's blind re-score (issue 17): every operation × caller × own/foreign. "Own" = a re-score of client a of
 * tenant a (the matrix auditor's client); "foreign" = one of tenant b (404 for everyone of tenant a). The client's
 * auditor requests and scores; admins and QA analysts read (the outcome concerns the contact center) but never
 * score as the client (403); everyone else finds nothing (404). Each cell gets a fresh re-score with one drawn
 * evaluation (stored directly: the draw itself is tested in client-rescores.test.ts).
 */
const PERIOD = { fromDay: '2026-11-01', toDay: '2026-11-30' };
const SUBMITTED = new Date('2026-11-02T10:00:00Z');

/**
 * A submitted counting evaluation of program a in the period, on a call of its own: one counting evaluation per
 * call, and a re-score's seal then touches no call the other areas' cells read.
 */
async function countingEvaluation(w: World, org: World['a']) {
  await ensureScorecard(w, org.tenantId);
  const [version] = await w.db.select().from(schema.scorecardVersions).where(eq(schema.scorecardVersions.tenantId, org.tenantId));
  const agent = org.agents.a1;
  const [call] = await w.db
    .insert(schema.calls)
    .values({
      tenantId: org.tenantId,
      source: 'matrix',
      externalId: w.uniq(),
      programId: org.programs.a.id,
      queueId: org.queues.a.id,
      agentId: agent.id,
      direction: 'inbound',
      startedAt: SUBMITTED,
      answerSeconds: 5,
      talkSeconds: 60,
      holdSeconds: 0,
      transfers: 0,
      disposition: 'resolved'
    })
    .returning();
  const [evaluation] = await w.db
    .insert(schema.evaluations)
    .values({
      tenantId: org.tenantId,
      callId: call!.id,
      agentId: agent.id,
      programId: org.programs.a.id,
      scorecardVersionId: version!.id,
      evaluatorLabel: 'matrix',
      kind: 'sampled',
      status: 'submitted',
      answers: { greeting: 'yes' },
      submittedAt: SUBMITTED,
      createdAt: SUBMITTED,
      updatedAt: SUBMITTED
    })
    .returning();
  return { evaluation: evaluation!, call: call! };
}

/** A fresh re-score with one item. */
async function place(w: World, t: Target) {
  const org = t === 'own' ? w.a : w.b;
  const { evaluation, call } = await countingEvaluation(w, org);
  const [r] = await w.db
    .insert(schema.clientRescores)
    .values({
      tenantId: org.tenantId,
      clientId: org.clients.a.id,
      programId: org.programs.a.id,
      ...PERIOD,
      shareBasisPoints: 500,
      seed: 'ab'.repeat(32),
      populationCount: 1,
      populationHash: '0'.repeat(64),
      requestedBy: 'matrix'
    })
    .returning();
  const [item] = await w.db
    .insert(schema.clientRescoreItems)
    .values({ tenantId: org.tenantId, rescoreId: r!.id, evaluationId: evaluation.id, callId: call.id, rank: '0'.repeat(64) })
    .returning();
  return { base: `/api/client/rescores/${r!.id}`, item: `/api/client/rescores/${r!.id}/items/${item!.id}` };
}

const read = only(
  { admin: { own: 200, foreign: 404 }, qa_analyst: { own: 200, foreign: 404 }, client_auditor: { own: 200, foreign: 404 } },
  404
);
const score = only(
  { admin: { own: 403, foreign: 404 }, qa_analyst: { own: 403, foreign: 404 }, client_auditor: { own: 200, foreign: 404 } },
  404
);

export const clientRescoresExpectations: Expectations = {
  'POST /api/client/rescores': {
    request: async (w, t) => {
      // A counting evaluation in the period for the request to draw from (the foreign program is a 404 anyway).
      const org = t === 'own' ? w.a : w.b;
      await countingEvaluation(w, org);
      return { path: '/api/client/rescores', body: { programId: org.programs.a.id, ...PERIOD, sharePercent: 5 } };
    },
    expect: only({ client_auditor: { own: 201, foreign: 404 } }, 403)
  },
  'GET /api/client/rescores': {
    request: () => ({ path: '/api/client/rescores' }),
    expect: everyone(200),
    check: noForeignIds(
      (b) => b.items,
      () => []
    )
  },
  'GET /api/client/rescores/{id}': { request: async (w, t) => ({ path: (await place(w, t)).base }), expect: read },
  'GET /api/client/rescores/{id}/verify': { request: async (w, t) => ({ path: `${(await place(w, t)).base}/verify` }), expect: read },
  'GET /api/client/rescores/{id}/population.csv': {
    request: async (w, t) => ({ path: `${(await place(w, t)).base}/population.csv` }),
    expect: read
  },
  'GET /api/client/rescores/{id}/comparison': {
    request: async (w, t) => ({ path: `${(await place(w, t)).base}/comparison` }),
    expect: read
  },
  'GET /api/client/rescores/{id}/items/{itemId}': {
    request: async (w, t) => ({ path: (await place(w, t)).item }),
    expect: read,
    check: (body) => {
      // Nothing scored yet: the contact center's score is sealed.
      if ((body as { contactCenter: unknown }).contactCenter !== null)
        throw new Error("an unscored item showed the contact center's score");
    }
  },
  'PUT /api/client/rescores/{id}/items/{itemId}/score': {
    request: async (w, t) => ({ path: `${(await place(w, t)).item}/score`, body: { answers: { greeting: 'no' } } }),
    expect: score
  },
  'POST /api/client/rescores/{id}/items/{itemId}/submit': {
    request: async (w, t) => ({ path: `${(await place(w, t)).item}/submit`, body: { answers: { greeting: 'no' } } }),
    expect: score
  }
};
