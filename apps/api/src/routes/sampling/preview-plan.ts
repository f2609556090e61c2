import { z } from '@hono/zod-openapi';
import { PreviewPlanInput, previewSamplingPlan } from '@attentive/core';
import { ctxOf, type AppDeps } from '../../context.ts';
import { route, json, body } from '../../openapi.ts';
import { newRouter } from '../../router.ts';
import { Definition, Int, Preview, tags } from './schemas.ts';

export function previewSamplingPlanRoute(deps: AppDeps) {
  return newRouter().openapi(
    route({
      method: 'post',
      path: '/sampling/plans/preview',
      operationId: 'previewSamplingPlan',
      tags,
      summary: 'What a definition would draw on the last closed period, and the sample-size planner (nothing is drawn)',
      request: body(
        // confidence and margin with the verb's own bounds and defaults, so the document states them
        z.object({
          programId: Int.positive(),
          definition: Definition,
          confidence: PreviewPlanInput.shape.confidence,
          margin: PreviewPlanInput.shape.margin
        })
      ),
      responses: { 200: json(Preview, 'Preview') }
    }),
    async (c) => c.json(await previewSamplingPlan({ ctx: ctxOf(c, deps), input: c.req.valid('json') }), 200)
  );
}
