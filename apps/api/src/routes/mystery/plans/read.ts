import { z } from '@hono/zod-openapi';
import { getMysteryPlan } from '@attentive/core/mystery/plans/get-plan';
import { listMysteryPlans } from '@attentive/core/mystery/plans/list-plans';
import { mysteryPlanOptions } from '@attentive/core/mystery/plans/plan-options';
import { getMysteryVolume } from '@attentive/core/mystery/plans/volume-weights';
import {
  MysteryPlanDetail,
  MysteryPlanListItem,
  MysteryPlanMonth,
  MysteryPlanOptions,
  MysteryVolumeWeights
} from '@attentive/shared/mystery-plans';
import { ctxOf, type AppDeps } from '../../../context.ts';
import { route, json, jsonList, getById } from '../../../openapi.ts';
import { newRouter } from '../../../router.ts';
import { IdString, queryId } from '../../params.ts';
import { tags } from './schemas.ts';

/** Reading plans (managers): the list, the editor's options, the volume a plan weighs by, one plan. */
export function planReadRoutes(deps: AppDeps) {
  return newRouter()
    .openapi(
      route({
        method: 'get',
        path: '/mystery/plans',
        operationId: 'listMysteryPlans',
        tags,
        summary: 'Mystery-call plans, newest month first (admins and QA analysts)',
        request: { query: z.object({ programId: queryId() }) },
        responses: { 200: jsonList(MysteryPlanListItem, 'Plans') }
      }),
      async (c) => c.json({ items: await listMysteryPlans({ ctx: ctxOf(c, deps), input: c.req.valid('query') }) }, 200)
    )
    .openapi(
      route({
        method: 'get',
        path: '/mystery/plans/options',
        operationId: 'getMysteryPlanOptions',
        tags,
        summary: "The plan editor's choices: programs, mystery shoppers, the contact center's time zone",
        responses: { 200: json(MysteryPlanOptions, 'Options') }
      }),
      async (c) => c.json(await mysteryPlanOptions({ ctx: ctxOf(c, deps) }), 200)
    )
    .openapi(
      route({
        method: 'get',
        path: '/mystery/plans/volume',
        operationId: 'getMysteryPlanVolume',
        tags,
        summary: "A program's imported inbound calls per local weekday × hour: what a 'volume' plan for the month weighs by",
        request: { query: z.object({ programId: IdString, month: MysteryPlanMonth }) },
        responses: { 200: json(MysteryVolumeWeights, 'Volume') }
      }),
      async (c) => c.json(await getMysteryVolume({ ctx: ctxOf(c, deps), input: c.req.valid('query') }), 200)
    )
    .openapi(
      getById('/mystery/plans/{id}', MysteryPlanDetail, 'Plan', {
        operationId: 'getMysteryPlan',
        tags,
        summary: 'A plan, its calls per weekday × hour (a preview for a draft) and its assignments'
      }),
      async (c) => c.json(await getMysteryPlan({ ctx: ctxOf(c, deps), input: { planId: c.req.valid('param').id } }), 200)
    );
}
