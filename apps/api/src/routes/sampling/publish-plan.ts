import { publishSamplingPlan } from '@attentive/core';
import { PlanDefinition } from '@attentive/shared/sampling-plan';
import { ctxOf, type AppDeps } from '../../context.ts';
import { route, json } from '../../openapi.ts';
import { newRouter } from '../../router.ts';
import { IdParam } from '../params.ts';
import { PlanVersion, tags } from './schemas.ts';

export function publishSamplingPlanRoute(deps: AppDeps) {
  return newRouter().openapi(
    route({
      method: 'post',
      path: '/sampling/plans/{id}/publish',
      operationId: 'publishSamplingPlan',
      tags,
      summary: 'Freeze the draft as the next version',
      request: { params: IdParam },
      responses: {
        201: json(PlanVersion, 'Published'),
        200: json(PlanVersion, 'The draft equals the latest version: that version, nothing new')
      }
    }),
    async (c) => {
      const { created, ...v } = await publishSamplingPlan({ ctx: ctxOf(c, deps), input: { planId: c.req.valid('param').id } });
      return c.json(
        { ...v, definition: PlanDefinition.parse(v.definition), publishedAt: v.publishedAt.toISOString() },
        created ? 201 : 200
      );
    }
  );
}
