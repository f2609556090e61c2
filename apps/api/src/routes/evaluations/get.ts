import { getEvaluation } from '@attentive/core/evaluations/get-evaluation';
import type { AppDeps } from '../../context.ts';
import { ctxOf } from '../../context.ts';
import { getById } from '../../openapi.ts';
import { newRouter } from '../../router.ts';

import { EvaluationDetail } from './schemas.ts';

const routes = {
  get: getById('/evaluations/{id}', EvaluationDetail, 'The evaluation', {
    operationId: 'getEvaluation',
    tags: ['Evaluations'],
    summary: 'One evaluation with scorecard, live score, revisions, comments, call facts and transcript'
  })
};

export function getEvaluationRoute(deps: AppDeps) {
  return newRouter().openapi(routes.get, async (c) =>
    c.json(await getEvaluation({ ctx: ctxOf(c, deps), input: { evaluationId: c.req.valid('param').id } }), 200)
  );
}
