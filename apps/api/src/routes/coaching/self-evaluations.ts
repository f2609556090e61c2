import { z } from '@hono/zod-openapi';
import { getSelfEvaluation } from '@attentive/core/coaching/get-self-evaluation';
import { listSelfEvaluations } from '@attentive/core/coaching/list-self-evaluations';
import { requestSelfEvaluation } from '@attentive/core/coaching/request-self-evaluation';
import type { AppDeps } from '../../context.ts';
import { ctxOf } from '../../context.ts';
import { route, json, jsonList, body } from '../../openapi.ts';
import { ScorecardDefinition, ScoreResult } from '@attentive/shared/scorecard';
import { newRouter } from '../../router.ts';
import { AnswerValue, AnswerOrNull } from '@attentive/shared/scorecard';
import { IdParam } from '../params.ts';
import { queryId } from '../params.ts';
import { tags } from './schemas.ts';
import { EvaluationDetail } from '../evaluations/schemas.ts';

const routes = {
  listSelf: route({
    method: 'get',
    path: '/coaching/self-evaluations',
    operationId: 'listSelfEvaluations',
    tags,
    summary: 'Self-evaluation requests you may see',
    request: { query: z.object({ status: z.enum(['open', 'submitted', 'cancelled']).optional(), agentId: queryId() }) },
    responses: {
      200: jsonList(
        z.object({
          id: z.number().int(),
          callId: z.number().int(),
          agentId: z.number().int(),
          agentName: z.string(),
          status: z.string(),
          requestedByLabel: z.string(),
          requestedAt: z.string(),
          submittedAt: z.string().nullable()
        }),
        'Requests'
      )
    }
  }),
  requestSelf: route({
    method: 'post',
    path: '/coaching/self-evaluations',
    operationId: 'startSelfEvaluation',
    tags,
    summary: "Ask an agent to score one of its calls before seeing the lead's score",
    request: {
      ...body(
        z.object({
          callId: z.number().int().positive(),
          leadEvaluationId: z.number().int().positive().optional(),
          message: z.string().optional()
        })
      )
    },
    responses: { 201: json(z.object({ id: z.number().int(), selfEvaluationId: z.number().int() }), 'Requested') }
  }),
  getSelf: route({
    method: 'get',
    path: '/coaching/self-evaluations/{id}',
    operationId: 'getSelfEvaluation',
    tags,
    summary: "A self-evaluation with, once submitted, the lead's evaluation side by side and the gap per item",
    request: { params: IdParam },
    responses: {
      200: json(
        EvaluationDetail.pick({ contact: true, call: true, transcript: true }).extend({
          request: z.object({
            id: z.number().int(),
            callId: z.number().int(),
            agentId: z.number().int(),
            agentName: z.string(),
            status: z.string(),
            message: z.string().nullable(),
            requestedByLabel: z.string(),
            requestedAt: z.string(),
            submittedAt: z.string().nullable()
          }),
          scorecard: z.object({ versionId: z.number().int(), definition: ScorecardDefinition }),
          self: z
            .object({
              evaluationId: z.number().int(),
              status: z.string(),
              answers: z.record(z.string(), AnswerValue),
              overallScore: z.number().nullable(),
              score: ScoreResult
            })
            .nullable(),
          lead: z
            .object({
              evaluationId: z.number().int(),
              evaluatorLabel: z.string(),
              overallScore: z.number().nullable(),
              answers: z.record(z.string(), AnswerValue)
            })
            .nullable(),
          comparison: z
            .object({
              rows: z.array(
                z.object({
                  itemId: z.string(),
                  text: z.string(),
                  sectionTitle: z.string(),
                  dimension: z.string(),
                  self: AnswerOrNull,
                  lead: AnswerOrNull,
                  selfPoints: z.number().nullable(),
                  leadPoints: z.number().nullable(),
                  gap: z.number().nullable()
                })
              ),
              summary: z.object({
                items: z.number().int(),
                compared: z.number().int(),
                sameAnswer: z.number().int(),
                meanAbsGap: z.number().nullable(),
                selfHigher: z.number().int(),
                selfLower: z.number().int()
              })
            })
            .nullable(),
          leadHidden: z.boolean(),
          canFill: z.boolean(),
          viewerIsAgent: z.boolean()
        }),
        'Self-evaluation'
      )
    }
  })
};

/** Self-evaluations: the list, a request to an agent, and one with what the agent needs to score. */
export function selfEvaluationRoutes(deps: AppDeps) {
  return newRouter()
    .openapi(routes.listSelf, async (c) => c.json(await listSelfEvaluations({ ctx: ctxOf(c, deps), input: c.req.valid('query') }), 200))
    .openapi(routes.requestSelf, async (c) => c.json(await requestSelfEvaluation({ ctx: ctxOf(c, deps), input: c.req.valid('json') }), 201))
    .openapi(routes.getSelf, async (c) =>
      c.json(await getSelfEvaluation({ ctx: ctxOf(c, deps), input: { requestId: c.req.valid('param').id } }), 200)
    );
}
