import { z } from '@hono/zod-openapi';
import { assignRunItems, reassignSampleItem } from '@attentive/core';
import { ReassignInput } from '@attentive/core/sampling/reassign-sample-item';
import { ctxOf, type AppDeps } from '../../context.ts';
import { route, json, body } from '../../openapi.ts';
import { newRouter } from '../../router.ts';
import { IdParam } from '../params.ts';
import { Int, tags } from './schemas.ts';

/** Hand sampled calls to evaluators: a whole run at once, or one item. */
export function sampleAssignRoutes(deps: AppDeps) {
  return newRouter()
    .openapi(
      route({
        method: 'post',
        path: '/sampling/runs/{id}/assign',
        operationId: 'assignSampleRun',
        tags,
        summary: 'Assign every open, unassigned item of a run (balanced by open workload)',
        request: { params: IdParam },
        responses: { 200: json(z.object({ unassigned: Int, assigned: Int }), 'Assigned') }
      }),
      async (c) => c.json(await assignRunItems({ ctx: ctxOf(c, deps), input: { runId: c.req.valid('param').id } }), 200)
    )
    .openapi(
      route({
        method: 'post',
        path: '/sampling/items/{id}/assign',
        operationId: 'assignSampleItem',
        tags,
        summary: 'Hand a sampled call to an evaluator (omit assigneeId to take it yourself)',
        request: { params: IdParam, ...body(ReassignInput.omit({ itemId: true })) },
        responses: { 200: json(z.object({ itemId: Int, assignedTo: Int, dueAt: z.string() }), 'Assigned') }
      }),
      async (c) =>
        c.json(await reassignSampleItem({ ctx: ctxOf(c, deps), input: { itemId: c.req.valid('param').id, ...c.req.valid('json') } }), 200)
    );
}
