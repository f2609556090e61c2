import { z } from '@hono/zod-openapi';
import { aggregateScores } from '@attentive/core/evaluations/aggregate-scores';
import type { AppDeps } from '../../context.ts';
import { ctxOf } from '../../context.ts';
import { route, json } from '../../openapi.ts';
import { Estimate } from '@attentive/shared/contract';
import { EvaluationKind } from '@attentive/shared/evaluation';
import { newRouter } from '../../router.ts';
import { queryId } from '../params.ts';

const KIND = EvaluationKind.options.join('|');
/** As the verb reads `kinds`: known kinds, comma-separated. */
const KINDS_PATTERN = `^(${KIND})(,(${KIND}))*$`;

const routes = {
  aggregates: route({
    method: 'get',
    path: '/evaluations/aggregates',
    operationId: 'getEvaluationAggregates',
    tags: ['Evaluations'],
    summary: 'Mean scores per agent, team or program, overall and per dimension, each with n and a 95% interval',
    request: {
      query: z.object({
        groupBy: z.enum(['agent', 'team', 'program']).optional(),
        programId: queryId(),
        teamId: queryId(),
        agentId: queryId(),
        from: z.iso.datetime({ offset: true }).or(z.iso.date()).optional(),
        to: z.iso.datetime({ offset: true }).or(z.iso.date()).optional(),
        kinds: z.string().optional().openapi({ description: 'Comma-separated kinds; default sampled,live,mystery', pattern: KINDS_PATTERN })
      })
    },
    responses: {
      200: json(
        z.object({
          groupBy: z.enum(['agent', 'team', 'program']),
          rows: z.array(
            z.object({
              group: z.object({ id: z.number().int().nullable(), name: z.string() }),
              n: z.number().int(),
              overall: Estimate,
              dimensions: z.object({ customer_friendly: Estimate, customer_oriented: Estimate, compliance: Estimate }),
              failRate: Estimate
            })
          )
        }),
        'Aggregates'
      )
    }
  })
};

/** Registered before GET /evaluations/{id}: `aggregates` is not an id. */
export function evaluationAggregatesRoute(deps: AppDeps) {
  return newRouter().openapi(routes.aggregates, async (c) => {
    const { kinds, ...q } = c.req.valid('query');
    const out = await aggregateScores({ ctx: ctxOf(c, deps), input: { ...q, kinds: kinds ? (kinds.split(',') as never) : undefined } });
    return c.json(out, 200);
  });
}
