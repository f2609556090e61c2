import { z } from '@hono/zod-openapi';
import { createMysteryPlan } from '@attentive/core/mystery/plans/create-plan';
import { publishMysteryPlan } from '@attentive/core/mystery/plans/publish-plan';
import { updateMysteryPlan } from '@attentive/core/mystery/plans/update-plan';
import { CreateMysteryPlanInput, MysteryPlan, PublishMysteryPlanInput, UpdateMysteryPlanInput } from '@attentive/shared/mystery-plans';
import { ctxOf, type AppDeps } from '../../../context.ts';
import { route, json, body } from '../../../openapi.ts';
import { newRouter } from '../../../router.ts';
import { IdParam } from '../../params.ts';
import { tags } from './schemas.ts';

/** Drafting a plan and publishing it (which makes the assignments). */
export function planEditRoutes(deps: AppDeps) {
  return newRouter()
    .openapi(
      route({
        method: 'post',
        path: '/mystery/plans',
        operationId: 'createMysteryPlan',
        tags,
        summary: 'Draft the mystery calls of a program and month (one plan per program and month)',
        request: body(CreateMysteryPlanInput),
        responses: { 201: json(MysteryPlan, 'Drafted') }
      }),
      async (c) => c.json(await createMysteryPlan({ ctx: ctxOf(c, deps), input: c.req.valid('json') }), 201)
    )
    .openapi(
      route({
        method: 'patch',
        path: '/mystery/plans/{id}',
        operationId: 'updateMysteryPlan',
        tags,
        summary: 'Change a draft; `version` is the one you read (changed meanwhile: 409)',
        request: { params: IdParam, ...body(UpdateMysteryPlanInput) },
        responses: { 200: json(MysteryPlan, 'Changed') }
      }),
      async (c) =>
        c.json(await updateMysteryPlan({ ctx: ctxOf(c, deps), input: { planId: c.req.valid('param').id, ...c.req.valid('json') } }), 200)
    )
    .openapi(
      route({
        method: 'post',
        path: '/mystery/plans/{id}/publish',
        operationId: 'publishMysteryPlan',
        tags,
        summary: "Publish a draft: plan the month's calls with the program's active scenarios and make the assignments",
        request: { params: IdParam, ...body(PublishMysteryPlanInput) },
        responses: { 201: json(z.object({ plan: MysteryPlan, assignments: z.number().int() }), 'Published') }
      }),
      async (c) =>
        c.json(await publishMysteryPlan({ ctx: ctxOf(c, deps), input: { planId: c.req.valid('param').id, ...c.req.valid('json') } }), 201)
    );
}
