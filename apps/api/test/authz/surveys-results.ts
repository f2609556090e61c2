import { eq } from 'drizzle-orm';
import { schema } from '@attentive/db';
import { recordSurveyResponse } from '@attentive/core';
import { callbackItems } from '../support/callback-items.ts';
import { freshCall } from './fresh-call.ts';
import { only, type Expectations, type Status } from './types.ts';
import type { Target, World } from './world.ts';

/**
 * Callback surveys (issue 14): results, QA next to CSAT, low-score alerts. "Own" = program a of tenant a
 * (client a, the matrix auditor's client; team a, the matrix lead's team); "foreign" = tenant b's, which does
 * not exist for anyone of tenant a (404). Program-level results: admins, QA analysts, team leads, the client
 * auditor for its client; the per-agent view and the alerts: the agents' coaches only. A client auditor asking
 * for another client's program, and a lead for another team's alert: surveys-results.test.ts.
 */
const programOf = (w: World, t: Target) => (t === 'own' ? w.a : w.b).programs.a.id;
const ok: Status = { own: 200, foreign: 404 };

const ownProgramsOnly = (body: unknown, w: World) => {
  const listed = (body as { programs: { id: number }[] }).programs.map((p) => p.id);
  const foreign = new Set([w.b.programs.a.id, w.b.programs.b.id]);
  for (const id of listed) if (foreign.has(id)) throw new Error(`leak: foreign program ${id} listed`);
};

let day = 0;
/** A fresh low-score alert about agent a1 of the target's tenant (a new call, item, response). */
async function freshAlert(w: World, t: Target) {
  const call = await freshCall(w, t, 'alert');
  // One draw per plan and day: each alert gets a day of its own, far from any other test's.
  const d = new Date(Date.UTC(1990, 0, 1) + ++day * 86_400_000).toISOString().slice(0, 10);
  const made = await callbackItems(w.db, { callIds: [call.id], day: d });
  return w.db.transaction(async (tx) => {
    const [item] = await tx.select().from(schema.callbackItems).where(eq(schema.callbackItems.id, made.items[0]!.id));
    const r = await recordSurveyResponse(tx, {
      item: item!,
      templateVersionId: made.templateVersionId,
      answers: { csat: 1, solved: false, effort: 1, recommend: 0 },
      channel: 'phone',
      callerId: null,
      language: 'en',
      at: new Date(),
      who: { actor: 'matrix' }
    });
    return r.alertId!;
  });
}

/** No leak: every alert listed is about an agent of tenant a. */
const ownAlertsOnly = (body: unknown, w: World) => {
  const foreign = new Set(Object.values(w.b.agents).map((a) => a.id));
  for (const a of (body as { alerts: { agent: { id: number } }[] }).alerts)
    if (foreign.has(a.agent.id)) throw new Error(`leak: alert about foreign agent ${a.agent.id}`);
};

export const surveysResultsExpectations: Expectations = {
  'GET /api/surveys/results': {
    request: (w, t) => ({ path: `/api/surveys/results?programId=${programOf(w, t)}` }),
    expect: only({ admin: ok, qa_analyst: ok, team_lead: ok, client_auditor: ok }),
    check: ownProgramsOnly
  },
  'GET /api/surveys/results/agents': {
    request: (w, t) => ({ path: `/api/surveys/results/agents?programId=${programOf(w, t)}` }),
    expect: only({ admin: ok, qa_analyst: ok, team_lead: ok }),
    check: ownProgramsOnly
  },
  'GET /api/surveys/alerts': {
    request: async (w, t) => {
      await freshAlert(w, t);
      return { path: `/api/surveys/alerts` };
    },
    expect: only({ admin: 200, qa_analyst: 200, team_lead: 200 }),
    check: ownAlertsOnly
  },
  'POST /api/surveys/alerts/{id}/handle': {
    request: async (w, t) => ({ path: `/api/surveys/alerts/${await freshAlert(w, t)}/handle`, body: { note: 'Called the customer back' } }),
    expect: only({ admin: ok, qa_analyst: ok, team_lead: ok })
  }
};
