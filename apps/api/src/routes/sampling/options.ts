import { listEvaluators, samplingOptions } from '@attentive/core';
import { ctxOf, type AppDeps } from '../../context.ts';
import { route, json, jsonList } from '../../openapi.ts';
import { newRouter } from '../../router.ts';
import { Evaluator, Options, tags } from './schemas.ts';

/** What the plan editor and the assign dialog pick from. */
export function samplingOptionRoutes(deps: AppDeps) {
  return newRouter()
    .openapi(
      route({
        method: 'get',
        path: '/sampling/options',
        operationId: 'getSamplingOptions',
        tags,
        summary: 'Programs, queues and dispositions for the plan editor',
        responses: { 200: json(Options, 'Options') }
      }),
      async (c) => c.json(await samplingOptions({ ctx: ctxOf(c, deps) }), 200)
    )
    .openapi(
      route({
        method: 'get',
        path: '/sampling/evaluators',
        operationId: 'listSamplingEvaluators',
        tags,
        summary: 'People sampled calls can be assigned to',
        responses: { 200: jsonList(Evaluator, 'Evaluators') }
      }),
      async (c) => c.json({ items: await listEvaluators({ ctx: ctxOf(c, deps) }) }, 200)
    );
}
