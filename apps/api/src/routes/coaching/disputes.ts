import { z } from '@hono/zod-openapi';
import { getDispute } from '@attentive/core/coaching/get-dispute';
import { listDisputes } from '@attentive/core/coaching/list-disputes';
import type { AppDeps } from '../../context.ts';
import { ctxOf } from '../../context.ts';
import { route, json, jsonList } from '../../openapi.ts';
import { ScorecardDefinition } from '@attentive/shared/scorecard';
import { newRouter } from '../../router.ts';
import { AnswerValue } from '@attentive/shared/scorecard';
import { IdParam } from '../params.ts';
import { queryId } from '../params.ts';
import { tags, Dispute } from './schemas.ts';

const routes = {
  listDisputes: route({
    method: 'get',
    path: '/coaching/disputes',
    operationId: 'listDisputes',
    tags,
    summary: 'Disputes you may see (open ones oldest first, with their age)',
    request: {
      query: z.object({
        status: z.enum(['open', 'accepted', 'partly_accepted', 'rejected']).optional(),
        agentId: queryId(),
        evaluationId: queryId()
      })
    },
    responses: {
      200: jsonList(
        z.object({
          id: z.number().int(),
          evaluationId: z.number().int(),
          agentId: z.number().int(),
          agentName: z.string(),
          teamName: z.string().nullable(),
          status: z.string(),
          openedAt: z.string(),
          ageDays: z.number().int(),
          resolvedAt: z.string().nullable(),
          itemIds: z.array(z.string()),
          itemTexts: z
            .array(z.string())
            .openapi({ description: 'The disputed items as the scorecard words them, in the order of itemIds' }),
          overallScore: z.number().nullable(),
          resultingRevision: z.number().int().nullable()
        }),
        'Disputes'
      )
    }
  }),
  getDispute: route({
    method: 'get',
    path: '/coaching/disputes/{id}',
    operationId: 'getDispute',
    tags,
    summary: 'One dispute with its items and the evaluation it is about',
    request: { params: IdParam },
    responses: {
      200: json(
        z.object({
          dispute: Dispute,
          agentName: z.string(),
          evaluation: z.object({
            id: z.number().int(),
            revision: z.number().int(),
            overallScore: z.number().nullable(),
            answers: z.record(z.string(), AnswerValue),
            callId: z.number().int().nullable()
          }),
          scorecard: z.object({ versionId: z.number().int(), definition: ScorecardDefinition }),
          canResolve: z.boolean()
        }),
        'Dispute'
      )
    }
  })
};

/** Read disputes: the list and one dispute. */
export function disputeRoutes(deps: AppDeps) {
  return newRouter()
    .openapi(routes.listDisputes, async (c) => c.json(await listDisputes({ ctx: ctxOf(c, deps), input: c.req.valid('query') }), 200))
    .openapi(routes.getDispute, async (c) =>
      c.json(await getDispute({ ctx: ctxOf(c, deps), input: { disputeId: c.req.valid('param').id } }), 200)
    );
}
