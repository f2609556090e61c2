import { z } from '@hono/zod-openapi';
import { acknowledgeEvaluation } from '@attentive/core/coaching/acknowledge-evaluation';
import { getEvaluationFeedback } from '@attentive/core/coaching/get-evaluation-feedback';
import type { AppDeps } from '../../context.ts';
import { ctxOf } from '../../context.ts';
import { route, json } from '../../openapi.ts';
import { newRouter } from '../../router.ts';
import { IdParam } from '../params.ts';
import { tags, Dispute } from './schemas.ts';
import { EvaluationDetail } from '../evaluations/schemas.ts';

const routes = {
  feedback: route({
    method: 'get',
    path: '/coaching/evaluations/{id}',
    operationId: 'getCoachingEvaluation',
    tags,
    summary: 'An evaluation as the agent reads it: scores, comments, transcript, acknowledgements, disputes and the dispute window',
    request: { params: IdParam },
    responses: {
      200: json(
        EvaluationDetail.extend({
          acknowledgements: z.array(z.object({ revision: z.number().int(), at: z.string() })),
          acknowledgedCurrent: z.string().nullable(),
          disputes: z.array(Dispute),
          disputedItemIds: z.array(z.string()),
          disputeWindow: z.object({ days: z.number().int(), closesAt: z.string().nullable(), open: z.boolean() }),
          canAcknowledge: z.boolean(),
          canDispute: z.boolean(),
          canResolve: z.boolean(),
          viewerIsAgent: z.boolean()
        }).openapi('EvaluationFeedback'),
        'Evaluation with the agent-side state'
      )
    }
  }),
  acknowledge: route({
    method: 'post',
    path: '/coaching/evaluations/{id}/acknowledge',
    operationId: 'acknowledgeEvaluation',
    tags,
    summary: 'The agent acknowledges it read the current revision (idempotent)',
    request: { params: IdParam },
    responses: {
      200: json(
        z.object({ evaluationId: z.number().int(), revision: z.number().int(), at: z.string(), created: z.boolean() }),
        'Acknowledged'
      )
    }
  })
};

/** An evaluation as the agent reads it, and its acknowledgement. */
export function evaluationFeedbackRoutes(deps: AppDeps) {
  return newRouter()
    .openapi(routes.feedback, async (c) =>
      c.json(await getEvaluationFeedback({ ctx: ctxOf(c, deps), input: { evaluationId: c.req.valid('param').id } }), 200)
    )
    .openapi(routes.acknowledge, async (c) =>
      c.json(await acknowledgeEvaluation({ ctx: ctxOf(c, deps), input: { evaluationId: c.req.valid('param').id } }), 200)
    );
}
