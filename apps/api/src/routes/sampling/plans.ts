import { z } from '@hono/zod-openapi';
import { createSamplingPlan, getSamplingPlan, listSamplingPlans, updateSamplingPlan } from '@attentive/core';
import { ctxOf, type AppDeps } from '../../context.ts';
import { route, json, jsonList, body, getById } from '../../openapi.ts';
import { newRouter } from '../../router.ts';
import { IdParam, queryId } from '../params.ts';
import { Definition, Int, Plan, PlanDetail, PlanListItem, tags } from './schemas.ts';

/** List, create, read and edit sampling plans (the draft; publishing is publish-plan.ts). */
export function samplingPlanRoutes(deps: AppDeps) {
  return newRouter()
    .openapi(
      route({
        method: 'get',
        path: '/sampling/plans',
        operationId: 'listSamplingPlans',
        tags,
        summary: 'Sampling plans (admins and QA: all; client auditors: their programs)',
        request: { query: z.object({ programId: queryId() }) },
        responses: { 200: jsonList(PlanListItem, 'Plans') }
      }),
      async (c) => c.json({ items: await listSamplingPlans({ ctx: ctxOf(c, deps), input: c.req.valid('query') }) }, 200)
    )
    .openapi(
      route({
        method: 'post',
        path: '/sampling/plans',
        operationId: 'createSamplingPlan',
        tags,
        summary: 'Create a sampling plan (a draft until published)',
        request: body(z.object({ programId: Int.positive(), name: z.string(), definition: Definition })),
        responses: { 201: json(Plan, 'Created') }
      }),
      async (c) => c.json(await createSamplingPlan({ ctx: ctxOf(c, deps), input: c.req.valid('json') }), 201)
    )
    .openapi(
      getById('/sampling/plans/{id}', PlanDetail, 'Plan', {
        operationId: 'getSamplingPlan',
        tags,
        summary: 'One plan with its published versions'
      }),
      async (c) => c.json(await getSamplingPlan({ ctx: ctxOf(c, deps), input: { planId: c.req.valid('param').id } }), 200)
    )
    .openapi(
      route({
        method: 'patch',
        path: '/sampling/plans/{id}',
        operationId: 'updateSamplingPlan',
        tags,
        summary: 'Edit the draft of a plan (name, definition, active)',
        request: {
          params: IdParam,
          ...body(z.object({ name: z.string().optional(), definition: Definition.optional(), active: z.boolean().optional() }))
        },
        responses: { 200: json(Plan, 'Changed') }
      }),
      async (c) =>
        c.json(await updateSamplingPlan({ ctx: ctxOf(c, deps), input: { planId: c.req.valid('param').id, ...c.req.valid('json') } }), 200)
    );
}
