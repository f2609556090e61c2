import { z } from '@hono/zod-openapi';
import { saveSelfEvaluation } from '@attentive/core/coaching/save-self-evaluation';
import { cancelSelfEvaluationRequest } from '@attentive/core/coaching/cancel-self-evaluation';
import type { AppDeps } from '../../context.ts';
import { ctxOf } from '../../context.ts';
import { route, json, body } from '../../openapi.ts';
import { ScoreResult } from '@attentive/shared/scorecard';
import { newRouter } from '../../router.ts';
import { AnswerOrNull } from '@attentive/shared/scorecard';
import { IdParam } from '../params.ts';
import { tags } from './schemas.ts';

const routes = {
  cancelSelf: route({
    method: 'post',
    path: '/coaching/self-evaluations/{id}/cancel',
    operationId: 'cancelSelfEvaluation',
    tags,
    summary: 'A coach withdraws an open self-evaluation request (asking again reopens it)',
    request: {
      params: IdParam,
      body: { required: false, content: { 'application/json': { schema: z.object({ reason: z.string().optional() }) } } }
    },
    responses: { 200: json(z.object({ id: z.number().int(), status: z.literal('cancelled') }), 'Withdrawn') }
  }),
  saveSelf: route({
    method: 'put',
    path: '/coaching/self-evaluations/{id}',
    operationId: 'saveSelfEvaluation',
    tags,
    summary: 'The agent saves (or submits) its self-evaluation',
    request: {
      params: IdParam,
      ...body(z.object({ answers: z.record(z.string(), AnswerOrNull), submit: z.boolean().optional() }))
    },
    responses: { 200: json(z.object({ status: z.enum(['open', 'submitted']), score: ScoreResult }), 'Saved') }
  })
};

/** A self-evaluation changed: cancelled by who asked, or saved by the agent. */
export function selfEvaluationChangeRoutes(deps: AppDeps) {
  return newRouter()
    .openapi(routes.cancelSelf, async (c) => {
      const body = (c.req.valid('json') as { reason?: string } | undefined) ?? {};
      return c.json(
        await cancelSelfEvaluationRequest({ ctx: ctxOf(c, deps), input: { requestId: c.req.valid('param').id, reason: body.reason } }),
        200
      );
    })
    .openapi(routes.saveSelf, async (c) =>
      c.json(await saveSelfEvaluation({ ctx: ctxOf(c, deps), input: { requestId: c.req.valid('param').id, ...c.req.valid('json') } }), 200)
    );
}
