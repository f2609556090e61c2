import { z } from '@hono/zod-openapi';
import { saveDraft } from '@attentive/core/evaluations/save-draft';
import { submitEvaluation } from '@attentive/core/evaluations/submit-evaluation';
import type { AppDeps } from '../../context.ts';
import { ctxOf } from '../../context.ts';
import { route, json, body } from '../../openapi.ts';
import { Answers } from '@attentive/shared/scorecard';
import { newRouter } from '../../router.ts';
import { IdParam } from '../params.ts';
import { Evaluation, Revision, Score } from './schemas.ts';

const routes = {
  saveDraft: route({
    method: 'put',
    path: '/evaluations/{id}/draft',
    operationId: 'saveEvaluationDraft',
    tags: ['Evaluations'],
    summary: 'Autosave the answers of a draft (send the version you edited; a stale one gets 409)',
    request: { params: IdParam, ...body(z.object({ version: z.number().int().min(1), answers: Answers })) },
    responses: { 200: json(z.object({ evaluation: Evaluation, score: Score }), 'Saved') }
  }),
  submit: route({
    method: 'post',
    path: '/evaluations/{id}/submit',
    operationId: 'submitEvaluation',
    tags: ['Evaluations'],
    summary: 'Submit a draft: creates revision 1; every required item must be answered',
    request: { params: IdParam, ...body(z.object({ version: z.number().int().min(1), answers: Answers.optional() })) },
    responses: { 200: json(z.object({ evaluation: Evaluation, revision: Revision, score: Score }), 'Submitted') }
  })
};

/** A draft: autosave its answers, then submit it as revision 1. */
export function evaluationDraftRoutes(deps: AppDeps) {
  return newRouter()
    .openapi(routes.saveDraft, async (c) => {
      const out = await saveDraft({ ctx: ctxOf(c, deps), input: { evaluationId: c.req.valid('param').id, ...c.req.valid('json') } });
      return c.json(out, 200);
    })
    .openapi(routes.submit, async (c) => {
      const out = await submitEvaluation({ ctx: ctxOf(c, deps), input: { evaluationId: c.req.valid('param').id, ...c.req.valid('json') } });
      return c.json(out, 200);
    });
}
