import { systemPrincipal } from '@attentive/core';
import { createMysteryPlan } from '@attentive/core/mystery/plans/create-plan';
import { getMysteryPlan } from '@attentive/core/mystery/plans/get-plan';
import { publishMysteryPlan } from '@attentive/core/mystery/plans/publish-plan';
import { addScenario, addShopper } from '../support/mystery-plan-fixtures.ts';
import { noForeignIds, only, type Expectations } from './types.ts';
import type { Target, World } from './world.ts';
import { perWorld } from './world.ts';

/**
 * Mystery calls (issue 13): month plans and their assignments. Admins and QA analysts only; everyone
 * else 403, whatever the plan. "Own" = program a of tenant a, "foreign" = the same of tenant b (404).
 */
const side = (w: World, t: Target) => (t === 'own' ? w.a : w.b);
const sys = (w: World, t: Target) => ({ db: w.db, principal: systemPrincipal(side(w, t).tenantId, 'matrix') });

/** Per side: a mystery shopper (tenant a's is the matrix caller) and a scenario of program a, made once. */
const ready = perWorld('mystery.shoppers', () => new Map<Target, Promise<number>>());
function shopperOf(w: World, t: Target) {
  if (!ready(w).has(t))
    ready(w).set(
      t,
      (async () => {
        await addScenario(w.db, side(w, t).tenantId, side(w, t).programs.a.id, 'Matrix scenario');
        return t === 'own' ? w.personId.mystery_shopper! : addShopper(w.db, w.b.tenantId, 'Foreign shopper');
      })()
    );
  return ready(w).get(t)!;
}

/** Every plan gets a month of its own (one plan per program and month). */
let months = 0;
const nextMonth = () => `${2040 + Math.floor(months / 12)}-${String((months++ % 12) + 1).padStart(2, '0')}`;

async function plan(w: World, t: Target, publish = false) {
  const shopperId = await shopperOf(w, t);
  const p = await createMysteryPlan({
    ctx: sys(w, t),
    input: {
      programId: side(w, t).programs.a.id,
      month: nextMonth(),
      calls: 2,
      spread: 'grid',
      grid: [{ weekday: 1, hour: 9, weight: 1 }],
      shopperIds: [shopperId]
    }
  });
  if (t === 'foreign') foreignPlans(w).add(p.id);
  if (publish) await publishMysteryPlan({ ctx: sys(w, t), input: { planId: p.id } });
  return p.id;
}
const foreignPlans = perWorld('mystery.foreignPlans', () => new Set<number>());

async function assignment(w: World, t: Target) {
  const planId = await plan(w, t, true);
  const detail = await getMysteryPlan({ ctx: sys(w, t), input: { planId } });
  return detail.assignments[0]!.id;
}

const ok = (n: number) => ({ own: n, foreign: 404 });
const managers = (n: number) => only({ admin: ok(n), qa_analyst: ok(n) });

export const mysteryPlansExpectations: Expectations = {
  'GET /api/mystery/plans': {
    request: async (w) => (await plan(w, 'foreign'), { path: '/api/mystery/plans' }),
    expect: only({ admin: 200, qa_analyst: 200 }),
    check: noForeignIds(
      (b) => b.items,
      (w) => [...foreignPlans(w)]
    )
  },
  'GET /api/mystery/plans/options': {
    request: () => ({ path: '/api/mystery/plans/options' }),
    expect: only({ admin: 200, qa_analyst: 200 }),
    check: noForeignIds(
      (b) => b.programs,
      (w) => [w.b.programs.a.id, w.b.programs.b.id]
    )
  },
  'GET /api/mystery/plans/volume': {
    request: (w, t) => ({ path: `/api/mystery/plans/volume?programId=${side(w, t).programs.a.id}&month=2026-12` }),
    expect: managers(200)
  },
  'POST /api/mystery/plans': {
    request: async (w, t) => ({
      path: '/api/mystery/plans',
      body: { programId: side(w, t).programs.a.id, month: nextMonth(), calls: 3, spread: 'volume', shopperIds: [await shopperOf(w, 'own')] }
    }),
    expect: managers(201)
  },
  'GET /api/mystery/plans/{id}': {
    request: async (w, t) => ({ path: `/api/mystery/plans/${await plan(w, t)}` }),
    expect: managers(200)
  },
  'PATCH /api/mystery/plans/{id}': {
    request: async (w, t) => ({ path: `/api/mystery/plans/${await plan(w, t)}`, body: { version: 1, calls: 4 } }),
    expect: managers(200)
  },
  'POST /api/mystery/plans/{id}/publish': {
    request: async (w, t) => ({ path: `/api/mystery/plans/${await plan(w, t)}/publish`, body: {} }),
    expect: managers(201)
  },
  'POST /api/mystery/plans/assignments/{id}/reassign': {
    request: async (w, t) => ({
      path: `/api/mystery/plans/assignments/${await assignment(w, t)}/reassign`,
      body: { shopperId: await shopperOf(w, 'own') }
    }),
    expect: managers(200)
  },
  'POST /api/mystery/plans/assignments/{id}/cancel': {
    request: async (w, t) => ({ path: `/api/mystery/plans/assignments/${await assignment(w, t)}/cancel` }),
    expect: managers(200)
  }
};
