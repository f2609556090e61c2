import { z } from '@hono/zod-openapi';
import { prepareEvaluation } from '@attentive/core/evaluations/prepare-evaluation';
import type { AppDeps } from '../../context.ts';
import { ctxOf } from '../../context.ts';
import { route, json } from '../../openapi.ts';
import { EvaluationKind, EvaluationStatus } from '@attentive/shared/evaluation';
import { newRouter } from '../../router.ts';
import { IdParam } from '../params.ts';
import { Turn, Contact, EvaluatedCall, Definition } from './schemas.ts';

const routes = {
  context: route({
    method: 'get',
    path: '/calls/{id}/evaluation-context',
    operationId: 'getEvaluationContext',
    tags: ['Evaluations'],
    summary: 'What the evaluation screen needs for a call: facts, transcript, scorecard, existing evaluations',
    request: { params: IdParam },
    responses: {
      200: json(
        z.object({
          contact: Contact,
          call: EvaluatedCall,
          transcript: z.array(Turn),
          canEvaluate: z.boolean(),
          myDraftId: z.number().int().nullable(),
          countingEvaluationId: z.number().int().nullable().openapi({
            description:
              'The submitted evaluation this call counts with toward its agent (at most one per call); a second scoring is refused'
          }),
          evaluations: z.array(
            z.object({
              id: z.number().int(),
              status: EvaluationStatus,
              kind: EvaluationKind,
              evaluatorId: z.number().int().nullable(),
              evaluatorLabel: z.string(),
              revision: z.number().int(),
              overallScore: z.number().nullable(),
              updatedAt: z.string(),
              mine: z.boolean()
            })
          ),
          scorecard: z
            .object({ versionId: z.number().int(), version: z.number().int(), name: z.string(), definition: Definition })
            .nullable()
        }),
        'Evaluation context'
      )
    }
  })
};

export function evaluationContextRoute(deps: AppDeps) {
  return newRouter().openapi(routes.context, async (c) => {
    const out = await prepareEvaluation({ ctx: ctxOf(c, deps), input: { callId: c.req.valid('param').id } });
    return c.json(out, 200);
  });
}
