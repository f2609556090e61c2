import { openDispute } from '@attentive/core/coaching/open-dispute';
import type { AppDeps } from '../../context.ts';
import { ctxOf } from '../../context.ts';
import { route, json, body } from '../../openapi.ts';
import { newRouter } from '../../router.ts';
import { IdParam } from '../params.ts';
import { OpenDisputeInput } from '@attentive/core/coaching/open-dispute';
import { tags, Dispute } from './schemas.ts';

const routes = {
  openDispute: route({
    method: 'post',
    path: '/coaching/evaluations/{id}/disputes',
    operationId: 'openDispute',
    tags,
    summary: "The agent disputes items of its evaluation within the program's dispute window, each with a reason",
    request: {
      params: IdParam,
      ...body(OpenDisputeInput.omit({ evaluationId: true }))
    },
    responses: { 201: json(Dispute, 'Dispute opened') }
  })
};

export function openDisputeRoute(deps: AppDeps) {
  return newRouter().openapi(routes.openDispute, async (c) =>
    c.json(await openDispute({ ctx: ctxOf(c, deps), input: { evaluationId: c.req.valid('param').id, ...c.req.valid('json') } }), 201)
  );
}
