import { z } from '@hono/zod-openapi';
import { previewScore } from '@attentive/core/evaluations/preview-score';
import { reviseEvaluation } from '@attentive/core/evaluations/revise-evaluation';
import type { AppDeps } from '../../context.ts';
import { ctxOf } from '../../context.ts';
import { route, json, body } from '../../openapi.ts';
import { Answers } from '@attentive/shared/scorecard';
import { newRouter } from '../../router.ts';
import { IdParam } from '../params.ts';
import { ReviseEvaluationInput } from '@attentive/core/evaluations/revise-evaluation';
import { Evaluation, Revision, Score } from './schemas.ts';

const routes = {
  preview: route({
    method: 'post',
    path: '/evaluations/{id}/score-preview',
    operationId: 'previewEvaluationScore',
    tags: ['Evaluations'],
    summary: 'The score these answers would get, stored nowhere (live score while editing a submitted evaluation)',
    request: { params: IdParam, ...body(z.object({ answers: Answers })) },
    responses: { 200: json(z.object({ score: Score }), 'The score') }
  }),
  revise: route({
    method: 'post',
    path: '/evaluations/{id}/revisions',
    operationId: 'reviseEvaluation',
    tags: ['Evaluations'],
    summary: 'Change a submitted evaluation: a new revision with a required reason (send the revision you edited)',
    request: { params: IdParam, ...body(ReviseEvaluationInput.omit({ evaluationId: true })) },
    responses: { 200: json(z.object({ evaluation: Evaluation, revision: Revision, score: Score }), 'Revised') }
  })
};

/** A submitted evaluation: the score a change would give, and the change as a new revision. */
export function reviseEvaluationRoutes(deps: AppDeps) {
  return newRouter()
    .openapi(routes.preview, async (c) => {
      const out = await previewScore({ ctx: ctxOf(c, deps), input: { evaluationId: c.req.valid('param').id, ...c.req.valid('json') } });
      return c.json(out, 200);
    })
    .openapi(routes.revise, async (c) => {
      const out = await reviseEvaluation({ ctx: ctxOf(c, deps), input: { evaluationId: c.req.valid('param').id, ...c.req.valid('json') } });
      return c.json(out, 200);
    });
}
