import { createRoute, z } from '@hono/zod-openapi';
import { pingDb } from '@attentive/db';
import type { AppDeps } from '../context.ts';
import { newRouter, API_VERSION } from '../router.ts';

const route = createRoute({
  method: 'get',
  path: '/health',
  tags: ['System'],
  summary: 'Liveness and database reachability',
  responses: {
    200: {
      description: 'Service status',
      content: {
        'application/json': {
          schema: z.object({ status: z.enum(['ok', 'degraded']), db: z.enum(['ok', 'unreachable']), version: z.string() })
        }
      }
    }
  }
});

export function healthRoutes(deps: AppDeps) {
  return newRouter().openapi(route, async (c) => {
    const db = (await pingDb(deps.db)) ? ('ok' as const) : ('unreachable' as const);
    return c.json({ status: db === 'ok' ? ('ok' as const) : ('degraded' as const), db, version: API_VERSION }, 200);
  });
}
