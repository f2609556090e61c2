import { and, eq } from 'drizzle-orm';
import { schema } from '@attentive/db';
import { createSamplingPlan, publishSamplingPlan, runSamplingPlan, systemPrincipal } from '@attentive/core';
import { noForeignIds, only, type Expectations } from './types.ts';
import type { Target, World } from './world.ts';
import { perWorld } from './world.ts';

/**
 * Sampling (issue 5). "Own" = plans and runs of programs.a of tenant a (client a: the matrix client
 * auditor's client, team a: the matrix team lead's team); "foreign" = the same in tenant b.
 * Admins and QA analysts manage; client auditors read and verify their client's runs; team leads have
 * a work queue; runs and plans out of reach answer 404.
 */
const side = (w: World, t: Target) => (t === 'own' ? w.a : w.b);
// Exclusions off: the matrix draws the same week over and over.
const DEF = { period: 'week', timezone: 'UTC', quota: { perAgent: 1 }, exclude: { alreadySampled: false, alreadyEvaluated: false } };
const WEEK = '2026-11-02'; // the fixture's calls
const sys = (w: World, t: Target) => ({ db: w.db, principal: systemPrincipal(side(w, t).tenantId, 'matrix') });

async function plan(w: World, t: Target, publish = true) {
  const p = await createSamplingPlan({
    ctx: sys(w, t),
    input: { programId: side(w, t).programs.a.id, name: `matrix ${w.uniq()}`, definition: DEF }
  });
  if (publish) await publishSamplingPlan({ ctx: sys(w, t), input: { planId: p.id } });
  return p.id;
}
async function run(w: World, t: Target) {
  const r = await runSamplingPlan({ ctx: sys(w, t), input: { planId: await plan(w, t), date: WEEK } });
  if (t === 'foreign') foreignRuns(w).add(r.runId);
  return r.runId;
}
/** One shared run per side for read-only cells. */
const shared = perWorld('sampling.runs', () => new Map<Target, Promise<number>>());
const sharedRun = (w: World, t: Target) => {
  if (!shared(w).has(t)) shared(w).set(t, run(w, t));
  return shared(w).get(t)!;
};
async function item(w: World, t: Target, runId?: number) {
  const id = runId ?? (await run(w, t));
  // Agent a2's calls: the evaluations matrix scores agent a1's, and an evaluated call cannot be replaced.
  const [i] = await w.db
    .select({ id: schema.sampleItems.id })
    .from(schema.sampleItems)
    .where(and(eq(schema.sampleItems.runId, id), eq(schema.sampleItems.agentId, side(w, t).agents.a2.id)))
    .limit(1);
  return i!.id;
}
const foreignRuns = perWorld('sampling.foreignRuns', () => new Set<number>());

const NF = { own: 404, foreign: 404 };
const ok = (n: number) => ({ own: n, foreign: 404 });
const managers = (n: number) => ({ admin: ok(n), qa_analyst: ok(n) });
/** Nobody but managers and the client auditor even sees a run or plan: 404. */
const hidden = { team_lead: NF, agent: NF, mystery_shopper: NF, survey_caller: NF, integration: NF };

export const samplingExpectations: Expectations = {
  'GET /api/sampling/options': {
    request: () => ({ path: '/api/sampling/options' }),
    expect: only({ admin: 200, qa_analyst: 200 }),
    check: noForeignIds(
      (b) => b.programs,
      (w) => [w.b.programs.a.id, w.b.programs.b.id]
    )
  },
  'GET /api/sampling/evaluators': {
    request: () => ({ path: '/api/sampling/evaluators' }),
    expect: only({ admin: 200, qa_analyst: 200, team_lead: 200 }),
    check: noForeignIds(
      (b) => b.items.map((e: { personId: number }) => ({ id: e.personId })),
      () => []
    )
  },
  'GET /api/sampling/plans': {
    request: async (w) => (await plan(w, 'foreign'), { path: '/api/sampling/plans' }),
    expect: only({ admin: 200, qa_analyst: 200, client_auditor: 200 }),
    check: (body: any, w) => {
      for (const p of body.items) if (p.programId === w.b.programs.a.id) throw new Error(`leak: plan ${p.id} of tenant b listed`);
    }
  },
  'POST /api/sampling/plans': {
    request: (w, t) => ({
      path: '/api/sampling/plans',
      body: { programId: side(w, t).programs.a.id, name: `matrix ${w.uniq()}`, definition: DEF }
    }),
    expect: only({ ...managers(201) })
  },
  'POST /api/sampling/plans/preview': {
    request: (w, t) => ({ path: '/api/sampling/plans/preview', body: { programId: side(w, t).programs.a.id, definition: DEF } }),
    expect: only({ ...managers(200) })
  },
  'GET /api/sampling/plans/{id}': {
    request: async (w, t) => ({ path: `/api/sampling/plans/${await plan(w, t)}` }),
    expect: only({ ...managers(200), client_auditor: ok(200), ...hidden })
  },
  'PATCH /api/sampling/plans/{id}': {
    request: async (w, t) => ({ path: `/api/sampling/plans/${await plan(w, t)}`, body: { active: false } }),
    expect: only({ ...managers(200) })
  },
  'POST /api/sampling/plans/{id}/publish': {
    request: async (w, t) => ({ path: `/api/sampling/plans/${await plan(w, t, false)}/publish` }),
    expect: only({ ...managers(201) })
  },
  'POST /api/sampling/plans/{id}/runs': {
    request: async (w, t) => ({ path: `/api/sampling/plans/${await plan(w, t)}/runs`, body: { date: WEEK } }),
    // A client auditor orders audit samples only with a seed of its own (tested in sampling.test.ts).
    expect: only({ ...managers(201), client_auditor: { own: 403, foreign: 404 }, ...hidden })
  },
  'GET /api/sampling/runs': {
    request: async (w) => (await sharedRun(w, 'foreign'), { path: '/api/sampling/runs?limit=200' }),
    expect: only({ admin: 200, qa_analyst: 200, client_auditor: 200 }),
    check: noForeignIds(
      (b) => b.items,
      (w) => [...foreignRuns(w)]
    )
  },
  'GET /api/sampling/runs/{id}': {
    request: async (w, t) => ({ path: `/api/sampling/runs/${await sharedRun(w, t)}` }),
    expect: only({ ...managers(200), client_auditor: ok(200), ...hidden })
  },
  'GET /api/sampling/runs/{id}/verify': {
    request: async (w, t) => ({ path: `/api/sampling/runs/${await sharedRun(w, t)}/verify` }),
    expect: only({ ...managers(200), client_auditor: ok(200), ...hidden }),
    check: (body: any) => {
      if (body.ok !== true) throw new Error('an untouched run must verify');
    }
  },
  'GET /api/sampling/runs/{id}/items.csv': {
    request: async (w, t) => ({ path: `/api/sampling/runs/${await sharedRun(w, t)}/items.csv` }),
    expect: only({ ...managers(200), client_auditor: ok(200), ...hidden })
  },
  'GET /api/sampling/runs/{id}/population.txt': {
    request: async (w, t) => ({ path: `/api/sampling/runs/${await sharedRun(w, t)}/population.txt` }),
    expect: only({ ...managers(200), client_auditor: ok(200), ...hidden })
  },
  'POST /api/sampling/runs/{id}/assign': {
    request: async (w, t) => ({ path: `/api/sampling/runs/${await sharedRun(w, t)}/assign` }),
    expect: only({ ...managers(200), client_auditor: { own: 403, foreign: 404 }, ...hidden })
  },
  'POST /api/sampling/items/{id}/replace': {
    request: async (w, t) => ({ path: `/api/sampling/items/${await item(w, t)}/replace`, body: { reason: 'matrix: no audio' } }),
    expect: only({ ...managers(200), client_auditor: { own: 403, foreign: 404 }, ...hidden })
  },
  'POST /api/sampling/items/{id}/assign': {
    // Taking the call yourself: evaluators of the agent (the lead of team a) and managers.
    request: async (w, t) => ({ path: `/api/sampling/items/${await item(w, t, await sharedRun(w, t))}/assign`, body: {} }),
    expect: only({
      ...managers(200),
      team_lead: ok(200),
      client_auditor: NF,
      agent: NF,
      mystery_shopper: NF,
      survey_caller: NF,
      integration: NF
    })
  },
  'GET /api/sampling/work': {
    request: () => ({ path: '/api/sampling/work' }),
    expect: only({ admin: 200, qa_analyst: 200, team_lead: 200 }),
    check: (body: any, w) => {
      const foreignCalls = new Set(w.b.calls.map((c) => c.id));
      for (const i of body.items) if (foreignCalls.has(i.callId)) throw new Error(`leak: call ${i.callId} of tenant b in a work queue`);
    }
  }
};
