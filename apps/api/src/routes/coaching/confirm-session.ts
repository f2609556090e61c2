import { z } from '@hono/zod-openapi';
import { confirmCoachingSession } from '@attentive/core/coaching/confirm-session';
import type { AppDeps } from '../../context.ts';
import { ctxOf } from '../../context.ts';
import { route, json } from '../../openapi.ts';
import { newRouter } from '../../router.ts';
import { IdParam } from '../params.ts';
import { tags } from './schemas.ts';

const routes = {
  confirm: route({
    method: 'post',
    path: '/coaching/sessions/{id}/confirm',
    operationId: 'confirmCoachingSession',
    tags,
    summary: 'The agent confirms the session',
    request: { params: IdParam },
    responses: { 200: json(z.object({ id: z.number().int(), agentConfirmedAt: z.string() }), 'Confirmed') }
  })
};

export function confirmSessionRoute(deps: AppDeps) {
  return newRouter().openapi(routes.confirm, async (c) =>
    c.json(await confirmCoachingSession({ ctx: ctxOf(c, deps), input: { sessionId: c.req.valid('param').id } }), 200)
  );
}
