import { getEvaluation } from '@attentive/core/evaluations/get-evaluation';
import type { AppDeps } from '../../context.ts';
import { ctxOf } from '../../context.ts';
import { route, json } from '../../openapi.ts';
import { newRouter } from '../../router.ts';
import { IdParam } from '../params.ts';
import { EvaluationDetail } from './schemas.ts';

const routes = {
  get: route({
    method: 'get',
    path: '/evaluations/{id}',
    operationId: 'getEvaluation',
    tags: ['Evaluations'],
    summary: 'One evaluation with scorecard, live score, revisions, comments, call facts and transcript',
    request: { params: IdParam },
    responses: { 200: json(EvaluationDetail, 'The evaluation') }
  })
};

export function getEvaluationRoute(deps: AppDeps) {
  return newRouter().openapi(routes.get, async (c) =>
    c.json(await getEvaluation({ ctx: ctxOf(c, deps), input: { evaluationId: c.req.valid('param').id } }), 200)
  );
}
