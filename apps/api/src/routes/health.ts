import { z } from '@hono/zod-openapi';
import { route, PUBLIC, readErrors, json } from '../openapi.ts';
import { pingDb } from '@attentive/db';
import type { AppDeps } from '../context.ts';
import { newRouter, API_VERSION } from '../router.ts';

const healthRoute = route({
  method: 'get',
  path: '/health',
  operationId: 'getHealth',
  security: PUBLIC,
  errors: { 500: readErrors[500] },
  tags: ['System'],
  summary: 'Liveness and database reachability',
  responses: {
    200: json(z.object({ status: z.enum(['ok', 'degraded']), db: z.enum(['ok', 'unreachable']), version: z.string() }), 'Service status')
  }
});

export function healthRoutes(deps: AppDeps) {
  return newRouter().openapi(healthRoute, async (c) => {
    const db = (await pingDb(deps.db)) ? ('ok' as const) : ('unreachable' as const);
    return c.json({ status: db === 'ok' ? ('ok' as const) : ('degraded' as const), db, version: API_VERSION }, 200);
  });
}
