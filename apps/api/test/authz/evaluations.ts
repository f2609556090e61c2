import { systemPrincipal } from '@attentive/core';
import { startEvaluation } from '@attentive/core/evaluations/start-evaluation';
import { submitEvaluation } from '@attentive/core/evaluations/submit-evaluation';
import { requestSelfEvaluation } from '@attentive/core/coaching/request-self-evaluation';
import { saveSelfEvaluation } from '@attentive/core/coaching/save-self-evaluation';
import { everyone, noForeignIds, only, type Expectations } from './types.ts';
import type { Target, World } from './world.ts';
import { perWorld } from './world.ts';
import { ensureScorecard } from './scorecard.ts';
import { freshCall } from './fresh-call.ts';

/**
 * Evaluations (issue 4). "Own" = an evaluation or call of agent a1 of tenant a (team a, client a);
 * "foreign" = the same in tenant b. Drafts are started by the system, so only an admin may change them
 * (a draft belongs to its evaluator); submitted ones any evaluator of the agent may revise.
 */
const side = (w: World, t: Target) => (t === 'own' ? w.a : w.b);
const callOf = (w: World, t: Target) => side(w, t).calls.find((c) => c.agentId === side(w, t).agents.a1.id)!;

const foreignEvaluationIds = perWorld('evaluations.foreign', () => new Set<number>());

/** A fresh evaluation of agent a1 on the target side, as a draft or submitted (by the system). */
async function evaluation(w: World, t: Target, status: 'draft' | 'submitted') {
  const o = side(w, t);
  await ensureScorecard(w, o.tenantId);
  const ctx = { db: w.db, principal: systemPrincipal(o.tenantId, `matrix-${w.uniq()}`) };
  const { evaluation: e } = await startEvaluation({ ctx, input: { callId: (await freshCall(w, t, 'eval')).id } });
  if (t === 'foreign') foreignEvaluationIds(w).add(e.id);
  if (status === 'draft') return e;
  return (await submitEvaluation({ ctx, input: { evaluationId: e.id, version: e.version, answers: { greeting: 'yes' } } })).evaluation;
}

/** A submitted self-evaluation of agent a1 of tenant a: coaching data, never listed to the client or its tokens. */
async function ownSelfEvaluation(w: World) {
  await ensureScorecard(w, w.a.tenantId);
  const r = await requestSelfEvaluation({
    ctx: { db: w.db, principal: systemPrincipal(w.a.tenantId, `matrix-${w.uniq()}`) },
    input: { callId: (await freshCall(w, 'own', 'eval')).id }
  });
  const agent = {
    kind: 'user' as const,
    tenantId: w.a.tenantId,
    label: 'matrix:agent',
    personId: w.a.agents.a1.id,
    grants: [{ role: 'agent' as const }]
  };
  await saveSelfEvaluation({ ctx: { db: w.db, principal: agent }, input: { requestId: r.id, answers: { greeting: 'yes' }, submit: true } });
}
const noSelfForClient = (body: any, caller: string) => {
  if (caller !== 'client_auditor' && caller !== 'integration') return;
  for (const x of body.items as { id: number; kind: string }[])
    if (x.kind === 'self') throw new Error(`leak: self-evaluation ${x.id} listed to ${caller}`);
};

const NF = { own: 404, foreign: 404 };
const ok = (n: number) => ({ own: n, foreign: 404 });
/** Evaluators of the agent: admin, QA anywhere, the lead of team a. */
const evaluators = (n: number) => ({ admin: ok(n), qa_analyst: ok(n), team_lead: ok(n) });
/** Those who may read the submitted evaluation of a1 but never change it. */
const readersOnly = { agent: { own: 403, foreign: 404 }, client_auditor: { own: 403, foreign: 404 } };
const others = { integration: NF, mystery_shopper: NF, survey_caller: NF };

/** A draft is its evaluator's: only an admin may touch another's draft; nobody else even sees it except evaluators. */
const draftOwnerOnly = only({
  admin: ok(200),
  qa_analyst: { own: 403, foreign: 404 },
  team_lead: { own: 403, foreign: 404 },
  agent: NF,
  client_auditor: NF,
  ...others
});

export const evaluationsExpectations: Expectations = {
  'GET /api/calls/{id}/evaluation-context': {
    request: async (w, t) => (await ensureScorecard(w, side(w, t).tenantId), { path: `/api/calls/${callOf(w, t).id}/evaluation-context` }),
    // Readers of the call (the integration token of program a reads its calls); others cannot see it.
    expect: only({
      ...evaluators(200),
      agent: ok(200),
      client_auditor: ok(200),
      integration: ok(200),
      mystery_shopper: NF,
      survey_caller: NF
    })
  },
  'POST /api/evaluations': {
    request: async (w, t) => (
      await ensureScorecard(w, side(w, t).tenantId),
      { path: '/api/evaluations', body: { callId: callOf(w, t).id } }
    ),
    expect: only({
      ...evaluators(200),
      agent: { own: 403, foreign: 404 },
      client_auditor: { own: 403, foreign: 404 },
      integration: { own: 403, foreign: 404 },
      mystery_shopper: NF,
      survey_caller: NF
    })
  },
  'GET /api/evaluations': {
    request: async (w) => (await evaluation(w, 'foreign', 'submitted'), await ownSelfEvaluation(w), { path: '/api/evaluations?limit=200' }),
    expect: everyone(200),
    check: (body, w, t, caller) => (
      noForeignIds(
        (b) => b.items,
        (w) => [...foreignEvaluationIds(w)]
      )(body, w),
      noSelfForClient(body, caller)
    )
  },
  'GET /api/evaluations/aggregates': {
    request: async (w) => (await evaluation(w, 'foreign', 'submitted'), { path: '/api/evaluations/aggregates?groupBy=agent' }),
    expect: everyone(200),
    check: (body: any, w) => {
      const ids = body.rows.map((r: { group: { id: number } }) => r.group.id);
      for (const a of Object.values(w.b.agents)) if (ids.includes(a.id)) throw new Error(`leak: agent ${a.id} of tenant b aggregated`);
    }
  },
  'GET /api/evaluations/{id}': {
    request: async (w, t) => ({ path: `/api/evaluations/${(await evaluation(w, t, 'submitted')).id}` }),
    expect: only({ ...evaluators(200), agent: ok(200), client_auditor: ok(200), ...others })
  },
  'PUT /api/evaluations/{id}/draft': {
    request: async (w, t) => {
      const e = await evaluation(w, t, 'draft');
      return { path: `/api/evaluations/${e.id}/draft`, body: { version: e.version, answers: { greeting: 'no' } } };
    },
    expect: draftOwnerOnly
  },
  'POST /api/evaluations/{id}/submit': {
    request: async (w, t) => {
      const e = await evaluation(w, t, 'draft');
      return { path: `/api/evaluations/${e.id}/submit`, body: { version: e.version, answers: { greeting: 'yes' } } };
    },
    expect: draftOwnerOnly
  },
  'POST /api/evaluations/{id}/revisions': {
    request: async (w, t) => {
      const e = await evaluation(w, t, 'submitted');
      return {
        path: `/api/evaluations/${e.id}/revisions`,
        body: { revision: e.revision, answers: { greeting: 'no' }, reason: 'matrix check' }
      };
    },
    expect: only({ ...evaluators(200), ...readersOnly, ...others })
  },
  'POST /api/evaluations/{id}/score-preview': {
    request: async (w, t) => ({
      path: `/api/evaluations/${(await evaluation(w, t, 'submitted')).id}/score-preview`,
      body: { answers: { greeting: 'no' } }
    }),
    expect: only({ ...evaluators(200), ...readersOnly, ...others })
  },
  'POST /api/evaluations/{id}/comments': {
    request: async (w, t) => ({
      path: `/api/evaluations/${(await evaluation(w, t, 'submitted')).id}/comments`,
      body: { text: 'matrix comment' }
    }),
    expect: only({ ...evaluators(201), ...readersOnly, ...others })
  },
  'GET /api/calls/{id}/peaks': {
    // The matrix world has no recordings: readers get "no recording" (404), others the same 404 as a missing call.
    // Who may read peaks is tested with real audio in evaluations.test.ts.
    request: (w, t) => ({ path: `/api/calls/${callOf(w, t).id}/peaks` }),
    expect: only({ admin: NF, qa_analyst: NF, team_lead: NF, agent: NF, client_auditor: NF, ...others })
  }
};
