import { schema } from '@attentive/db';
import { createScorecard, publishScorecardDraft } from '@attentive/core';
import { createScenario } from '@attentive/core/mystery/scenarios/create-scenario';
import { retireScenario } from '@attentive/core/mystery/scenarios/retire-scenario';
import { only, type Expectations } from './types.ts';
import type { Target, World } from './world.ts';
import { perWorld } from './world.ts';
import { DEF, side, sys } from './scorecards.ts';

/**
 * Mystery calls (issue 13): the scenario library. Each side ("own": tenant a, a program of client a — the matrix
 * client auditor's client; "foreign": tenant b) gets one program with a published mystery-call form, made once.
 * Admins and QA keep the library; the client auditor reads its own client's scenarios; everyone else is refused
 * (403 for the list and the writes, 404 for a scenario it may not see).
 */
const programs = perWorld('mystery.programs', () => new Map<Target, Promise<{ programId: number; scorecardId: number }>>());
/** The side's program with its published mystery-call form (made once per side, one after the other). */
function programOf(w: World, t: Target) {
  if (!programs(w).has(t))
    programs(w).set(
      t,
      (async () => {
        const s = side(w, t);
        const [p] = await w.db
          .insert(schema.programs)
          .values({ tenantId: s.tenantId, clientId: s.clients.a.id, code: w.uniq(), name: 'Matrix mystery program' })
          .returning();
        const { scorecard } = await createScorecard({
          ctx: sys(w, t),
          input: { name: `matrix mystery ${w.uniq()}`, programId: p!.id, purpose: 'mystery', definition: DEF }
        });
        await publishScorecardDraft({ ctx: sys(w, t), input: { scorecardId: scorecard.id } });
        return { programId: p!.id, scorecardId: scorecard.id };
      })()
    );
  return programs(w).get(t)!;
}

const content = (scorecardId: number) => ({
  title: 'Annual statement',
  story: 'I moved last month.',
  question: 'Can you send me my annual statement?',
  rightAnswer: 'Yes, by e-mail or post within 5 working days.',
  orientedOpportunity: 'Checks the e-mail address and offers to send it now.',
  difficulty: 'easy' as const,
  scorecardId
});

async function freshScenario(w: World, t: Target, opts: { retired?: boolean } = {}) {
  const { programId, scorecardId } = await programOf(w, t);
  const made = await createScenario({ ctx: sys(w, t), input: { programId, ...content(scorecardId) } });
  if (opts.retired) await retireScenario({ ctx: sys(w, t), input: { scenarioId: made.scenario.id } });
  return made.scenario.id;
}
const shared = perWorld('mystery.scenarios', () => new Map<Target, Promise<number>>());
const sharedScenario = (w: World, t: Target) => {
  if (!shared(w).has(t)) shared(w).set(t, freshScenario(w, t));
  return shared(w).get(t)!;
};

const ok = (n: number) => ({ own: n, foreign: 404 });
const managers = (n: number) => ({ admin: ok(n), qa_analyst: ok(n) });
const write = (n: number) => only(managers(n));

export const mysteryScenariosExpectations: Expectations = {
  'GET /api/mystery/scenarios': {
    request: async (w) => {
      await sharedScenario(w, 'own');
      await sharedScenario(w, 'foreign');
      return { path: '/api/mystery/scenarios?includeRetired=true' };
    },
    expect: only({ admin: 200, qa_analyst: 200, client_auditor: 200 }),
    check: (body: any, w, _t, caller) => {
      const foreign = (body.items as { clientId: number }[]).filter(
        (s) => s.clientId === w.b.clients.a.id || s.clientId === w.b.clients.b.id
      );
      if (foreign.length) throw new Error(`leak: ${caller} lists scenarios of tenant b`);
      if (caller === 'client_auditor' && body.items.some((s: { clientId: number }) => s.clientId !== w.a.clients.a.id))
        throw new Error("leak: the client auditor lists another client's scenarios");
      if (caller === 'client_auditor' && body.items.length === 0) throw new Error('the client auditor sees none of its own scenarios');
    }
  },
  'POST /api/mystery/scenarios': {
    request: async (w, t) => {
      const { programId, scorecardId } = await programOf(w, t);
      return { path: '/api/mystery/scenarios', body: { programId, ...content(scorecardId) } };
    },
    expect: write(201)
  },
  'GET /api/mystery/scenarios/{id}': {
    request: async (w, t) => ({ path: `/api/mystery/scenarios/${await sharedScenario(w, t)}` }),
    expect: only({ ...managers(200), client_auditor: ok(200) }, 404)
  },
  'POST /api/mystery/scenarios/{id}/versions': {
    request: async (w, t) => {
      const { scorecardId } = await programOf(w, t);
      return {
        path: `/api/mystery/scenarios/${await freshScenario(w, t)}/versions`,
        body: { ...content(scorecardId), difficulty: 'hard', baseVersion: 1, note: 'harder' }
      };
    },
    expect: write(200)
  },
  'POST /api/mystery/scenarios/{id}/retire': {
    request: async (w, t) => ({ path: `/api/mystery/scenarios/${await freshScenario(w, t)}/retire` }),
    expect: write(200)
  },
  'POST /api/mystery/scenarios/{id}/restore': {
    request: async (w, t) => ({ path: `/api/mystery/scenarios/${await freshScenario(w, t, { retired: true })}/restore` }),
    expect: write(200)
  }
};
