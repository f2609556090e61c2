import { eq } from 'drizzle-orm';
import { schema } from '@attentive/db';
import { systemPrincipal } from '@attentive/core';
import { localDate } from '@attentive/core/sampling/period';
import { drawCallbackList } from '@attentive/core/surveys/lists/draw-callback-list';
import { saveCallbackPlan } from '@attentive/core/surveys/lists/save-callback-plan';
import { STANDARD_INTRO, STANDARD_QUESTIONS } from '@attentive/shared/surveys';
import { only, type Expectations } from './types.ts';
import type { Target, World } from './world.ts';
import { perWorld } from './world.ts';

/**
 * Callback surveys (issue 14): callback plans and their daily verifiable draws. Admins and QA analysts
 * only; everyone else 403. "Own" = program a of tenant a, "foreign" = the same of tenant b (404).
 */
const side = (w: World, t: Target) => (t === 'own' ? w.a : w.b);
const sys = (w: World, t: Target) => ({ db: w.db, principal: systemPrincipal(side(w, t).tenantId, 'matrix') });

/** Per side: program a's survey template (another survey test may have made one) and an active plan. */
const ready = perWorld('surveys.plans', () => new Map<Target, Promise<{ programId: number; templateId: number }>>());
function planOf(w: World, t: Target) {
  if (!ready(w).has(t))
    ready(w).set(
      t,
      (async () => {
        const { tenantId, programs } = side(w, t);
        const programId = programs.a.id;
        let [tpl] = await w.db
          .select({ id: schema.surveyTemplates.id })
          .from(schema.surveyTemplates)
          .where(eq(schema.surveyTemplates.programId, programId));
        if (!tpl) {
          [tpl] = await w.db
            .insert(schema.surveyTemplates)
            .values({ tenantId, programId, createdBy: 'matrix' })
            .returning({ id: schema.surveyTemplates.id });
          await w.db.insert(schema.surveyTemplateVersions).values({
            tenantId,
            templateId: tpl!.id,
            version: 1,
            name: 'Matrix survey',
            intro: STANDARD_INTRO,
            questions: STANDARD_QUESTIONS,
            createdBy: 'matrix'
          });
        }
        const [existing] = await w.db.select().from(schema.callbackPlans).where(eq(schema.callbackPlans.programId, programId));
        if (!existing)
          await saveCallbackPlan({
            ctx: sys(w, t),
            input: {
              programId,
              version: 0,
              templateId: tpl!.id,
              channel: 'phone',
              dailyCount: 5,
              delayMinHours: 24,
              delayMaxHours: 72,
              quietDays: 30,
              maxAttempts: 3,
              retryMinutes: 240,
              linkValidHours: 72,
              active: true
            }
          });
        return { programId, templateId: existing?.templateId ?? tpl!.id };
      })()
    );
  return ready(w).get(t)!;
}

/** A day k days back in the tenant's zone (the fixtures of other survey tests draw today). */
async function dayBack(w: World, t: Target, k: number) {
  const [tenant] = await w.db
    .select({ tz: schema.tenants.timeZone })
    .from(schema.tenants)
    .where(eq(schema.tenants.id, side(w, t).tenantId));
  return localDate(tenant?.tz || 'Europe/Amsterdam', new Date(Date.now() - k * 86_400_000));
}

/** One draw per side, 13 days back, made once; each manual draw cell takes a day of its own (1–12 days back). */
const drawn = perWorld('surveys.draws', () => new Map<Target, Promise<number>>());
function drawOf(w: World, t: Target) {
  if (!drawn(w).has(t))
    drawn(w).set(
      t,
      (async () => {
        const { programId } = await planOf(w, t);
        const r = await drawCallbackList({ ctx: sys(w, t), input: { programId, day: await dayBack(w, t, 13) }, existing: 'return' });
        return r.drawId;
      })()
    );
  return drawn(w).get(t)!;
}
let daysBack = 0;

const ok = (n: number) => ({ own: n, foreign: 404 });
const managers = (n: number) => only({ admin: ok(n), qa_analyst: ok(n) });

export const surveysListsExpectations: Expectations = {
  'GET /api/surveys/plans/{programId}': {
    request: async (w, t) => ({ path: `/api/surveys/plans/${(await planOf(w, t)).programId}` }),
    expect: managers(200)
  },
  'PUT /api/surveys/plans/{programId}': {
    request: async (w, t) => {
      const { programId, templateId } = await planOf(w, t);
      const [p] = await w.db.select().from(schema.callbackPlans).where(eq(schema.callbackPlans.programId, programId));
      return {
        path: `/api/surveys/plans/${programId}`,
        body: {
          version: p!.version,
          templateId,
          channel: 'phone',
          dailyCount: 5 + (p!.version % 3),
          delayMinHours: 24,
          delayMaxHours: 72,
          quietDays: 30,
          maxAttempts: 3,
          retryMinutes: 240,
          linkValidHours: 72,
          active: true
        }
      };
    },
    expect: managers(200)
  },
  'GET /api/surveys/draws': {
    request: async (w) => (await drawOf(w, 'foreign'), { path: '/api/surveys/draws' }),
    expect: only({ admin: 200, qa_analyst: 200 }),
    check: (body, w) => {
      const b = body as { programs: { programId: number; draws: { id: number }[] }[] };
      const foreign = new Set([w.b.programs.a.id, w.b.programs.b.id]);
      for (const p of b.programs) if (foreign.has(p.programId)) throw new Error(`leak: foreign program ${p.programId} listed`);
    }
  },
  'POST /api/surveys/draws': {
    request: async (w, t) => ({
      path: '/api/surveys/draws',
      body: { programId: (await planOf(w, t)).programId, day: await dayBack(w, t, 1 + (daysBack++ % 12)) }
    }),
    expect: managers(201)
  },
  'GET /api/surveys/draws/{id}': {
    request: async (w, t) => ({ path: `/api/surveys/draws/${await drawOf(w, t)}` }),
    expect: managers(200)
  },
  'GET /api/surveys/draws/{id}/verify': {
    request: async (w, t) => ({ path: `/api/surveys/draws/${await drawOf(w, t)}/verify` }),
    expect: managers(200)
  }
};
