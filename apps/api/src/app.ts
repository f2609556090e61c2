import { requestId } from 'hono/request-id';
import { secureHeaders } from 'hono/secure-headers';
import type { AppDeps } from './context.ts';
import { handleError, errorBody } from './errors.ts';
import { newRouter } from './router.ts';
import { healthRoutes } from './routes/health.ts';
import { docsRoutes } from './routes/docs.ts';
import { resolvePrincipal } from './middleware/principal.ts';

/**
 * Builds the HTTP API, mounted at /api. No side effects: the caller owns the database and the server.
 * Routers are chained so the RPC type of the whole API survives for the typed web client.
 */
export function createApp(deps: AppDeps) {
  const app = newRouter().basePath('/api');
  app.use('*', requestId());
  app.use('*', secureHeaders({ referrerPolicy: 'strict-origin-when-cross-origin', xFrameOptions: 'DENY' }));
  app.use('*', resolvePrincipal(deps));
  app.onError(handleError);
  app.notFound((c) => c.json(errorBody(c, 'NOT_FOUND', `No API route ${c.req.method} ${c.req.path}`), 404));

  const routes = app
    .route('/', healthRoutes(deps))
    .route('/', docsRoutes(app));
  return routes;
}

export type ApiApp = ReturnType<typeof createApp>;
