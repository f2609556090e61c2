import { z } from '@hono/zod-openapi';
import { startEvaluation } from '@attentive/core/evaluations/start-evaluation';
import type { AppDeps } from '../../context.ts';
import { ctxOf } from '../../context.ts';
import { route, json, body } from '../../openapi.ts';
import { newRouter } from '../../router.ts';
import { Evaluation } from './schemas.ts';

const routes = {
  start: route({
    method: 'post',
    path: '/evaluations',
    operationId: 'startEvaluation',
    tags: ['Evaluations'],
    summary: 'Start (or resume) a draft evaluation of a call, or of an agent without a recording (live monitoring)',
    request: {
      ...body(
        z
          .object({
            callId: z.number().int().positive().optional(),
            agentId: z.number().int().positive().optional(),
            programId: z.number().int().positive().optional(),
            kind: z.enum(['sampled', 'live']).optional()
          })
          // The verb's rule, stated for clients (it still checks it): a call, or an agent and a program with
          // a kind that needs no recording.
          .openapi({
            anyOf: [
              { required: ['callId'] },
              { required: ['agentId', 'programId', 'kind'], properties: { kind: { type: 'string', enum: ['live'] } } }
            ]
          })
      )
    },
    responses: { 200: json(z.object({ created: z.boolean(), evaluation: Evaluation }), 'The draft') }
  })
};

export function startEvaluationRoute(deps: AppDeps) {
  return newRouter().openapi(routes.start, async (c) =>
    c.json(await startEvaluation({ ctx: ctxOf(c, deps), input: c.req.valid('json') }), 200)
  );
}
