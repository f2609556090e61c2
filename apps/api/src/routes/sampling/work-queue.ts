import { z } from '@hono/zod-openapi';
import { workQueue } from '@attentive/core';
import { ctxOf, type AppDeps } from '../../context.ts';
import { route, json } from '../../openapi.ts';
import { newRouter } from '../../router.ts';
import { queryId } from '../params.ts';
import { WorkQueue, tags } from './schemas.ts';

export function workQueueRoute(deps: AppDeps) {
  return newRouter().openapi(
    route({
      method: 'get',
      path: '/sampling/work',
      operationId: 'listMySampleWork',
      tags,
      summary: "An evaluator's work queue: sampled calls to score, overdue first, and what is due this week",
      request: { query: z.object({ personId: queryId(), timezone: z.string().optional() }) },
      responses: { 200: json(WorkQueue, 'Work queue') }
    }),
    async (c) => c.json(await workQueue({ ctx: ctxOf(c, deps), input: c.req.valid('query') }), 200)
  );
}
