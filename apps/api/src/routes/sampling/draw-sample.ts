import { z } from '@hono/zod-openapi';
import { runSamplingPlan } from '@attentive/core';
import { ctxOf, type AppDeps } from '../../context.ts';
import { route, json, body } from '../../openapi.ts';
import { newRouter } from '../../router.ts';
import { IdParam } from '../params.ts';
import { RunResult, tags } from './schemas.ts';

/** JSON Schema's `false`: the property must be absent (the OpenAPI types know only object schemas). */
const ABSENT = false as never;

export function drawSampleRoute(deps: AppDeps) {
  return newRouter().openapi(
    route({
      method: 'post',
      path: '/sampling/plans/{id}/runs',
      operationId: 'drawSample',
      tags,
      summary: 'Draw a sample for a closed period (last closed by default); with a client seed: a client-ordered audit sample',
      request: {
        params: IdParam,
        ...body(
          z
            .object({
              from: z.string().optional().openapi({ description: 'Custom range start, YYYY-MM-DD (with to)', format: 'date' }),
              to: z.string().optional().openapi({ description: 'Custom range end, YYYY-MM-DD, inclusive', format: 'date' }),
              date: z.string().optional().openapi({ description: "The plan's week or month containing this date", format: 'date' }),
              seed: z
                .string()
                .optional()
                .openapi({ description: 'Client-supplied seed, 32–128 hex characters', pattern: '^[0-9a-fA-F]{32,128}$' })
            })
            // The verb's rule (runSamplingPlan checks it): no range (the period of `date`, or the last closed
            // one), or a whole range (from and to) without a date.
            .openapi({ anyOf: [{ properties: { from: ABSENT, to: ABSENT } }, { required: ['from', 'to'], properties: { date: ABSENT } }] })
        )
      },
      responses: { 201: json(RunResult, 'Drawn') }
    }),
    async (c) =>
      c.json(await runSamplingPlan({ ctx: ctxOf(c, deps), input: { planId: c.req.valid('param').id, ...c.req.valid('json') } }), 201)
  );
}
