import { schema } from '@attentive/db';
import { systemPrincipal, type Principal } from '@attentive/core';
import { startEvaluation } from '@attentive/core/evaluations/start-evaluation';
import { submitEvaluation } from '@attentive/core/evaluations/submit-evaluation';
import { openDispute } from '@attentive/core/coaching/open-dispute';
import { createCoachingSession } from '@attentive/core/coaching/create-session';
import { requestSelfEvaluation } from '@attentive/core/coaching/request-self-evaluation';
import { eq } from 'drizzle-orm';
import { everyone, noForeignIds, only, type Expectations } from './types.ts';
import type { Target, World } from './world.ts';
import { perWorld } from './world.ts';
import { ensureScorecard } from './scorecard.ts';
import { freshCall } from './fresh-call.ts';

/**
 * Coaching (issue 6). "Own" = data of agent a1 of tenant a (team a, the matrix agent itself);
 * "foreign" = the same in tenant b. Coaches (admin, QA, the lead of team a) and the agent itself see it;
 * client auditors, shoppers, survey callers and tokens see nothing (404, or an empty list).
 * Per-agent isolation inside one tenant (another agent's ids) is tested in coaching.test.ts.
 */
const side = (w: World, t: Target) => (t === 'own' ? w.a : w.b);
const a1 = (w: World, t: Target) => side(w, t).agents.a1;

const sys = (w: World, t: Target) => ({ db: w.db, principal: systemPrincipal(side(w, t).tenantId, `matrix-${w.uniq()}`) });
const agentOf = (w: World, t: Target): Principal => ({
  kind: 'user',
  tenantId: side(w, t).tenantId,
  label: 'matrix:agent',
  personId: a1(w, t).id,
  grants: [{ role: 'agent' }]
});

/** A submitted evaluation of a1 (greeting: no), on a fresh call. */
async function submitted(w: World, t: Target) {
  await ensureScorecard(w, side(w, t).tenantId);
  const ctx = sys(w, t);
  const call = await freshCall(w, t, 'coach');
  const { evaluation: e } = await startEvaluation({ ctx, input: { callId: call.id } });
  return (await submitEvaluation({ ctx, input: { evaluationId: e.id, version: e.version, answers: { greeting: 'no' } } })).evaluation;
}

const foreignDisputes = perWorld('coaching.foreignDisputes', () => new Set<number>());
async function dispute(w: World, t: Target) {
  const e = await submitted(w, t);
  const d = await openDispute({
    ctx: { db: w.db, principal: agentOf(w, t) },
    input: { evaluationId: e.id, items: [{ itemId: 'greeting', reason: 'I did greet', proposedAnswer: 'yes' }] }
  });
  if (t === 'foreign') foreignDisputes(w).add(d.id);
  return d;
}

const foreignSessions = perWorld('coaching.foreignSessions', () => new Set<number>());
async function session(w: World, t: Target) {
  const e = await submitted(w, t);
  const s = await createCoachingSession({
    ctx: sys(w, t),
    input: {
      agentId: a1(w, t).id,
      heldOn: '2026-11-02',
      evaluationIds: [e.id],
      focusItems: [{ itemId: 'greeting', text: 'Greet with name' }],
      actions: [{ text: 'Use the greeting card', owner: 'agent', dueOn: '2026-11-09' }],
      followUpOn: '2026-11-16'
    }
  });
  if (t === 'foreign') foreignSessions(w).add(s.id);
  return s;
}

const foreignSelf = perWorld('coaching.foreignSelf', () => new Set<number>());
async function selfRequest(w: World, t: Target) {
  await ensureScorecard(w, side(w, t).tenantId);
  const r = await requestSelfEvaluation({ ctx: sys(w, t), input: { callId: (await freshCall(w, t, 'coach')).id } });
  if (t === 'foreign') foreignSelf(w).add(r.id);
  return r;
}

const NF = { own: 404, foreign: 404 };
const ok = (n: number) => ({ own: n, foreign: 404 });
const coaches = (n: number) => ({ admin: ok(n), qa_analyst: ok(n), team_lead: ok(n) });
const refusedCoaches = { admin: { own: 403, foreign: 404 }, qa_analyst: { own: 403, foreign: 404 }, team_lead: { own: 403, foreign: 404 } };
const nobodyElse = { client_auditor: NF, integration: NF, mystery_shopper: NF, survey_caller: NF };
const agentRefused = { agent: { own: 403, foreign: 404 } };

export const coachingExpectations: Expectations = {
  'GET /api/me/summary': {
    request: () => ({ path: '/api/me/summary' }),
    expect: only({ agent: 200 })
  },
  'GET /api/coaching/agents/{id}/summary': {
    request: (w, t) => ({ path: `/api/coaching/agents/${a1(w, t).id}/summary` }),
    expect: only({ ...coaches(200), agent: ok(200), ...nobodyElse })
  },
  'GET /api/coaching/evaluations/{id}': {
    request: async (w, t) => ({ path: `/api/coaching/evaluations/${(await submitted(w, t)).id}` }),
    expect: only({ ...coaches(200), agent: ok(200), ...nobodyElse })
  },
  'POST /api/coaching/evaluations/{id}/acknowledge': {
    request: async (w, t) => ({ path: `/api/coaching/evaluations/${(await submitted(w, t)).id}/acknowledge` }),
    expect: only({ ...refusedCoaches, agent: ok(200), ...nobodyElse })
  },
  'POST /api/coaching/evaluations/{id}/disputes': {
    request: async (w, t) => ({
      path: `/api/coaching/evaluations/${(await submitted(w, t)).id}/disputes`,
      body: { items: [{ itemId: 'greeting', reason: 'I did greet' }] }
    }),
    expect: only({ ...refusedCoaches, agent: ok(201), ...nobodyElse })
  },
  'GET /api/coaching/disputes': {
    request: async (w) => (await dispute(w, 'foreign'), { path: '/api/coaching/disputes' }),
    expect: everyone(200),
    check: noForeignIds(
      (b) => b.items,
      (w) => [...foreignDisputes(w)]
    )
  },
  'GET /api/coaching/disputes/{id}': {
    request: async (w, t) => ({ path: `/api/coaching/disputes/${(await dispute(w, t)).id}` }),
    expect: only({ ...coaches(200), agent: ok(200), ...nobodyElse })
  },
  'POST /api/coaching/disputes/{id}/resolve': {
    request: async (w, t) => ({
      path: `/api/coaching/disputes/${(await dispute(w, t)).id}/resolve`,
      body: { reason: 'Checked the recording', items: [{ itemId: 'greeting', outcome: 'accepted' }] }
    }),
    expect: only({ ...coaches(200), ...agentRefused, ...nobodyElse })
  },
  'GET /api/coaching/queue': {
    request: () => ({ path: '/api/coaching/queue' }),
    expect: only({ admin: 200, qa_analyst: 200, team_lead: 200 }),
    check: (body: any, w) => {
      const ids = body.items.map((r: { agentId: number }) => r.agentId);
      for (const a of Object.values(w.b.agents)) if (ids.includes(a.id)) throw new Error(`leak: agent ${a.id} of tenant b queued`);
    }
  },
  'GET /api/coaching/sessions': {
    request: async (w) => (await session(w, 'foreign'), { path: '/api/coaching/sessions' }),
    expect: everyone(200),
    check: noForeignIds(
      (b) => b.items,
      (w) => [...foreignSessions(w)]
    )
  },
  'POST /api/coaching/sessions': {
    request: async (w, t) => {
      const e = await submitted(w, t);
      return {
        path: '/api/coaching/sessions',
        body: {
          agentId: a1(w, t).id,
          heldOn: '2026-11-02',
          evaluationIds: [e.id],
          focusItems: [{ itemId: 'greeting', text: 'Greet with name' }]
        }
      };
    },
    expect: only({ ...coaches(201), ...agentRefused, ...nobodyElse })
  },
  'GET /api/coaching/sessions/{id}': {
    request: async (w, t) => ({ path: `/api/coaching/sessions/${(await session(w, t)).id}` }),
    expect: only({ ...coaches(200), agent: ok(200), ...nobodyElse })
  },
  'POST /api/coaching/sessions/{id}/confirm': {
    request: async (w, t) => ({ path: `/api/coaching/sessions/${(await session(w, t)).id}/confirm` }),
    expect: only({ ...refusedCoaches, agent: ok(200), ...nobodyElse })
  },
  'POST /api/coaching/sessions/{id}/follow-ups': {
    request: async (w, t) => ({
      path: `/api/coaching/sessions/${(await session(w, t)).id}/follow-ups`,
      body: { progress: 'improved', note: 'Greets every call now' }
    }),
    expect: only({ ...coaches(201), ...agentRefused, ...nobodyElse })
  },
  'PATCH /api/coaching/actions/{id}': {
    request: async (w, t) => {
      const s = await session(w, t);
      const [a] = await w.db.select().from(schema.coachingActions).where(eq(schema.coachingActions.sessionId, s.id));
      return { path: `/api/coaching/actions/${a!.id}`, body: { done: true } };
    },
    expect: only({ ...coaches(200), agent: ok(200), ...nobodyElse })
  },
  'GET /api/coaching/self-evaluations': {
    request: async (w) => (await selfRequest(w, 'foreign'), { path: '/api/coaching/self-evaluations' }),
    expect: everyone(200),
    check: noForeignIds(
      (b) => b.items,
      (w) => [...foreignSelf(w)]
    )
  },
  'POST /api/coaching/self-evaluations': {
    request: async (w, t) => (
      await ensureScorecard(w, side(w, t).tenantId),
      { path: '/api/coaching/self-evaluations', body: { callId: (await freshCall(w, t, 'coach')).id } }
    ),
    expect: only({ ...coaches(201), ...agentRefused, ...nobodyElse })
  },
  'GET /api/coaching/self-evaluations/{id}': {
    request: async (w, t) => ({ path: `/api/coaching/self-evaluations/${(await selfRequest(w, t)).id}` }),
    expect: only({ ...coaches(200), agent: ok(200), ...nobodyElse })
  },
  'POST /api/coaching/self-evaluations/{id}/cancel': {
    request: async (w, t) => ({
      path: `/api/coaching/self-evaluations/${(await selfRequest(w, t)).id}/cancel`,
      body: { reason: 'matrix' }
    }),
    expect: only({ ...coaches(200), ...agentRefused, ...nobodyElse })
  },
  'PUT /api/coaching/self-evaluations/{id}': {
    request: async (w, t) => ({
      path: `/api/coaching/self-evaluations/${(await selfRequest(w, t)).id}`,
      body: { answers: { greeting: 'yes' } }
    }),
    expect: only({ ...refusedCoaches, agent: ok(200), ...nobodyElse })
  }
};
