import { z } from '@hono/zod-openapi';
import { coachingQueue } from '@attentive/core/coaching/coaching-queue';
import type { AppDeps } from '../../context.ts';
import { ctxOf } from '../../context.ts';
import { route, json } from '../../openapi.ts';
import { newRouter } from '../../router.ts';
import { Estimate } from '@attentive/shared/contract';
import { queryId, queryInt } from '../params.ts';
import { tags } from './schemas.ts';

const routes = {
  queue: route({
    method: 'get',
    path: '/coaching/queue',
    operationId: 'getCoachingQueue',
    tags,
    summary: 'Which agents need coaching first, with the reasons (team leads: their teams; QA and admins: everyone)',
    request: { query: z.object({ teamId: queryId(), days: queryInt(7, 365).optional() }) },
    responses: {
      200: json(
        z.object({
          days: z.number().int(),
          items: z.array(
            z.object({
              agentId: z.number().int(),
              name: z.string(),
              teamName: z.string().nullable(),
              tenureDays: z.number().int().nullable(),
              oriented: Estimate,
              criticalErrors: z.number().int(),
              overdueFollowUps: z.number().int(),
              overdueFollowUpDays: z.number().int().nullable(),
              openDisputes: z.number().int(),
              oldestOpenDisputeDays: z.number().int().nullable(),
              priority: z.number(),
              reasons: z.array(z.object({ code: z.string(), text: z.string(), points: z.number() }))
            })
          )
        }),
        'Queue'
      )
    }
  })
};

export function coachingQueueRoute(deps: AppDeps) {
  return newRouter().openapi(routes.queue, async (c) =>
    c.json(await coachingQueue({ ctx: ctxOf(c, deps), input: c.req.valid('query') }), 200)
  );
}
