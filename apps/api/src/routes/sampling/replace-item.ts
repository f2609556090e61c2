import { z } from '@hono/zod-openapi';
import { ReplaceItemInput, replaceSampleItem } from '@attentive/core';
import { ctxOf, type AppDeps } from '../../context.ts';
import { route, json, body } from '../../openapi.ts';
import { newRouter } from '../../router.ts';
import { IdParam } from '../params.ts';
import { Int, tags } from './schemas.ts';

export function replaceSampleItemRoute(deps: AppDeps) {
  return newRouter().openapi(
    route({
      method: 'post',
      path: '/sampling/items/{id}/replace',
      operationId: 'replaceSampleItem',
      tags,
      summary: 'Replace a sampled call by the next-ranked call of the same agent (reason required)',
      request: { params: IdParam, ...body(ReplaceItemInput.omit({ itemId: true })) },
      responses: {
        200: json(
          z.object({ itemId: Int, reason: z.string(), replacement: z.object({ itemId: Int, callId: Int, rank: z.string() }).nullable() }),
          'Replaced'
        )
      }
    }),
    async (c) =>
      c.json(await replaceSampleItem({ ctx: ctxOf(c, deps), input: { itemId: c.req.valid('param').id, ...c.req.valid('json') } }), 200)
  );
}
