import { eq } from 'drizzle-orm';
import { schema } from '@attentive/db';
import { callbackItems } from '../support/callback-items.ts';
import { freshCall } from './fresh-call.ts';
import { noForeignIds, only, type Expectations } from './types.ts';
import type { Target, World } from './world.ts';
import { perWorld } from './world.ts';

/**
 * Callback surveys (issue 14): the survey caller's queue. "Own" = a phone item of tenant a held by the
 * matrix survey caller (the claim is set directly: a caller claims one at a time, the cells need one
 * each); "foreign" = an item of tenant b. Only survey callers work the queue: everyone else is refused
 * (403) before any item is looked at; the caller finds nothing of tenant b (404). Another caller's item in
 * the same tenant is tested in surveys-queue.test.ts.
 */
let days = 0;
/** A unique draw day per item (a plan draws once a day). */
const nextDay = () => new Date(Date.UTC(2001, 0, 1) + ++days * 86_400_000).toISOString().slice(0, 10);

const foreignItems = perWorld('surveys.foreignItems', () => new Set<number>());
async function item(w: World, t: Target, held: boolean) {
  const call = await freshCall(w, t, 'queue');
  const made = await callbackItems(w.db, { callIds: [call.id], day: nextDay() });
  const id = made.items[0]!.id;
  if (t === 'foreign') foreignItems(w).add(id);
  if (held && t === 'own')
    await w.db
      .update(schema.callbackItems)
      .set({ claimedBy: w.personId.survey_caller!, claimedAt: new Date() })
      .where(eq(schema.callbackItems.id, id));
  return id;
}

const worker = only({ survey_caller: { own: 200, foreign: 404 } });
const writer = only({ survey_caller: { own: 201, foreign: 404 } });

export const surveysQueueExpectations: Expectations = {
  'GET /api/surveys/queue': {
    request: async (w) => (await item(w, 'foreign', false), { path: '/api/surveys/queue' }),
    expect: only({ survey_caller: 200 }),
    check: noForeignIds(
      (b) => b.items,
      (w) => [...foreignItems(w)]
    )
  },
  'POST /api/surveys/queue/claim': {
    // own: the next due item (or the held one); foreign: a given item of tenant b
    request: async (w, t) => ({ path: '/api/surveys/queue/claim', body: t === 'own' ? {} : { itemId: await item(w, 'foreign', false) } }),
    expect: worker
  },
  'GET /api/surveys/queue/{itemId}': {
    request: async (w, t) => ({ path: `/api/surveys/queue/${await item(w, t, true)}` }),
    expect: worker
  },
  'POST /api/surveys/queue/{itemId}/release': {
    request: async (w, t) => ({ path: `/api/surveys/queue/${await item(w, t, true)}/release` }),
    expect: worker
  },
  'POST /api/surveys/queue/{itemId}/attempts': {
    request: async (w, t) => ({ path: `/api/surveys/queue/${await item(w, t, true)}/attempts`, body: { outcome: 'no_answer' } }),
    expect: writer
  },
  'POST /api/surveys/queue/{itemId}/response': {
    request: async (w, t) => ({
      path: `/api/surveys/queue/${await item(w, t, true)}/response`,
      body: { answers: { csat: 5, solved: true, effort: 7, recommend: 10 } }
    }),
    expect: writer
  }
};
