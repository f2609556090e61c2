import { schema } from '@attentive/db';
import { createScorecard, openScorecardDraft, publishScorecardDraft, systemPrincipal } from '@attentive/core';
import { noForeignIds, everyone, only, type Expectations } from './types.ts';
import type { Target, World } from './world.ts';
import { perWorld } from './world.ts';

/**
 * Scorecards (issue 4). Each cell works on a scorecard of a fresh program of client a of its side
 * ("own": tenant a — the matrix client auditor's client; "foreign": tenant b), so the matrix never
 * changes which scorecard the fixture programs' evaluations use. Managers (admin, QA) write; team leads
 * and the client's auditor read published versions; the rest see nothing (404).
 */
export const side = (w: World, t: Target) => (t === 'own' ? w.a : w.b);
export const sys = (w: World, t: Target) => ({ db: w.db, principal: systemPrincipal(side(w, t).tenantId, 'matrix') });
export const DEF = {
  sections: [
    {
      id: 's',
      title: 'S',
      items: [{ id: 'greeting', text: 'Greets', answer: { type: 'yes_no' }, weight: 1, dimension: 'customer_friendly' }]
    }
  ]
};

async function freshProgram(w: World, t: Target) {
  const s = side(w, t);
  const [p] = await w.db
    .insert(schema.programs)
    .values({ tenantId: s.tenantId, clientId: s.clients.a.id, code: w.uniq(), name: 'Matrix scorecard program' })
    .returning();
  return p!.id;
}
async function freshScorecard(w: World, t: Target, opts: { publish?: boolean; draftAfter?: boolean } = {}) {
  const { scorecard } = await createScorecard({
    ctx: sys(w, t),
    input: { name: `matrix ${w.uniq()}`, programId: await freshProgram(w, t), definition: DEF }
  });
  if (opts.publish) await publishScorecardDraft({ ctx: sys(w, t), input: { scorecardId: scorecard.id } });
  if (opts.draftAfter) await openScorecardDraft({ ctx: sys(w, t), input: { scorecardId: scorecard.id } });
  return scorecard.id;
}
/** One published scorecard per side for read-only cells. */
const shared = perWorld('scorecards.published', () => new Map<Target, Promise<number>>());
const sharedCard = (w: World, t: Target) => {
  if (!shared(w).has(t)) shared(w).set(t, freshScorecard(w, t, { publish: true }));
  return shared(w).get(t)!;
};

const NF = { own: 404, foreign: 404 };
const ok = (n: number) => ({ own: n, foreign: 404 });
const managers = (n: number) => ({ admin: ok(n), qa_analyst: ok(n) });

export const scorecardsExpectations: Expectations = {
  'GET /api/scorecards': {
    request: async (w) => {
      // One after the other: two concurrent write transactions deadlock libsql's file driver in one process.
      await sharedCard(w, 'own');
      await sharedCard(w, 'foreign');
      return { path: '/api/scorecards' };
    },
    expect: everyone(200),
    check: (body: any, w, _t, caller) => {
      noForeignIds(
        (b) => b.scorecards,
        () => []
      )(body, w);
      for (const s of body.scorecards as { programId: number | null; draft: unknown }[]) {
        if (caller !== 'admin' && caller !== 'qa_analyst' && s.draft) throw new Error(`leak: ${caller} sees a draft`);
      }
      if (['mystery_shopper', 'survey_caller', 'integration'].includes(caller) && body.scorecards.length)
        throw new Error(`leak: ${caller} lists scorecards`);
    }
  },
  'POST /api/scorecards': {
    request: async (w, t) => ({
      path: '/api/scorecards',
      body: { name: 'Matrix card', programId: await freshProgram(w, t), definition: DEF }
    }),
    expect: only(managers(201))
  },
  'POST /api/scorecards/score-preview': {
    request: () => ({ path: '/api/scorecards/score-preview', body: { definition: DEF, answers: { greeting: 'yes' } } }),
    expect: everyone(200)
  },
  'GET /api/scorecards/{id}': {
    request: async (w, t) => ({ path: `/api/scorecards/${await sharedCard(w, t)}` }),
    expect: { ...only({ ...managers(200), team_lead: ok(200), client_auditor: ok(200) }, 404), anonymous: 401 }
  },
  'GET /api/scorecards/{id}/versions/{version}': {
    request: async (w, t) => ({ path: `/api/scorecards/${await sharedCard(w, t)}/versions/1` }),
    expect: { ...only({ ...managers(200), team_lead: ok(200), client_auditor: ok(200), agent: NF }, 404), anonymous: 401 }
  },
  'POST /api/scorecards/{id}/draft': {
    request: async (w, t) => ({ path: `/api/scorecards/${await freshScorecard(w, t, { publish: true })}/draft` }),
    expect: only(managers(200))
  },
  'PUT /api/scorecards/{id}/draft': {
    request: async (w, t) => ({ path: `/api/scorecards/${await freshScorecard(w, t)}/draft`, body: { definition: DEF } }),
    expect: only(managers(200))
  },
  'DELETE /api/scorecards/{id}/draft': {
    request: async (w, t) => ({ path: `/api/scorecards/${await freshScorecard(w, t, { publish: true, draftAfter: true })}/draft` }),
    expect: only(managers(200))
  },
  'POST /api/scorecards/{id}/publish': {
    request: async (w, t) => ({ path: `/api/scorecards/${await freshScorecard(w, t)}/publish`, body: {} }),
    expect: only(managers(200))
  }
};
