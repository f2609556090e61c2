import { addComment } from '@attentive/core/evaluations/add-comment';
import type { AppDeps } from '../../context.ts';
import { ctxOf } from '../../context.ts';
import { route, json, body } from '../../openapi.ts';
import { newRouter } from '../../router.ts';
import { IdParam } from '../params.ts';
import { AddCommentInput } from '@attentive/core/evaluations/add-comment';
import { Comment } from './schemas.ts';

const routes = {
  comment: route({
    method: 'post',
    path: '/evaluations/{id}/comments',
    operationId: 'addEvaluationComment',
    tags: ['Evaluations'],
    summary: 'Comment on an evaluation, an item, a moment of the recording or a transcript line',
    request: {
      params: IdParam,
      ...body(AddCommentInput.omit({ evaluationId: true }))
    },
    responses: { 201: json(Comment, 'Added') }
  })
};

export function addCommentRoute(deps: AppDeps) {
  return newRouter().openapi(routes.comment, async (c) => {
    const out = await addComment({ ctx: ctxOf(c, deps), input: { evaluationId: c.req.valid('param').id, ...c.req.valid('json') } });
    return c.json(out, 201);
  });
}
