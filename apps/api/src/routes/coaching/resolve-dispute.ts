import { resolveDispute } from '@attentive/core/coaching/resolve-dispute';
import type { AppDeps } from '../../context.ts';
import { ctxOf } from '../../context.ts';
import { route, json, body } from '../../openapi.ts';
import { newRouter } from '../../router.ts';
import { IdParam } from '../params.ts';
import { ResolveDisputeInput } from '@attentive/core/coaching/resolve-dispute';
import { tags, Dispute } from './schemas.ts';

const routes = {
  resolveDispute: route({
    method: 'post',
    path: '/coaching/disputes/{id}/resolve',
    operationId: 'resolveDispute',
    tags,
    summary: 'Accept, partly accept or reject a dispute item by item, with a reason; accepted items make a new evaluation revision',
    request: {
      params: IdParam,
      ...body(ResolveDisputeInput.omit({ disputeId: true }))
    },
    responses: { 200: json(Dispute, 'Resolved') }
  })
};

export function resolveDisputeRoute(deps: AppDeps) {
  return newRouter().openapi(routes.resolveDispute, async (c) =>
    c.json(await resolveDispute({ ctx: ctxOf(c, deps), input: { disputeId: c.req.valid('param').id, ...c.req.valid('json') } }), 200)
  );
}
