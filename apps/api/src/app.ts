import { requestId } from 'hono/request-id';
import type { AppDeps, AppEnv } from './context.ts';
import { handleError, errorBody } from './errors.ts';
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { MergeSchemaPath } from 'hono/types';
import { newRouter } from './router.ts';
import { coreRoutes, instrumentRoutes, programRoutes, type ApiSchema } from './routes/api-routes.ts';
import { docsRoutes } from './routes/docs.ts';
import { resolvePrincipal } from './middleware/principal.ts';
import { readQueue } from './middleware/read-queue.ts';
import { csrfGuard } from './middleware/csrf.ts';
import { requestBodyLimit } from './middleware/body-limit.ts';
import { jsonBodyGuard } from './middleware/json-body.ts';
import { requestLog } from './middleware/request-log.ts';
import { securityHeaders } from './middleware/security-headers.ts';
import { publicRateLimit } from './middleware/public-rate-limit.ts';

/**
 * Builds the HTTP API, mounted at /api. No side effects: the caller owns the database and the server.
 * Route groups are mounted in three parts (routes/api-routes.ts) whose schemas `ApiApp` names for the typed web client.
 */
export function createApp(deps: AppDeps): ApiApp {
  const app = newRouter().basePath('/api');
  app.use('*', requestId());
  app.use('*', securityHeaders(deps));
  app.use('*', requestLog(deps));
  app.use('*', publicRateLimit(deps));
  app.use('*', requestBodyLimit());
  app.use('*', jsonBodyGuard());
  app.use('*', csrfGuard(deps));
  app.use('*', readQueue(deps));
  app.use('*', resolvePrincipal(deps));
  app.onError(handleError);
  app.notFound((c) => c.json(errorBody(c, 'NOT_FOUND', `No API route ${c.req.method} ${c.req.path}`), 404));

  // Named, not inferred: the whole API's type is too large for one inferred declaration (routes/api-routes.ts).
  return app
    .route('/', coreRoutes(deps))
    .route('/', programRoutes(deps))
    .route('/', instrumentRoutes(deps))
    .route('/', docsRoutes(app)) as unknown as ApiApp;
}

/** The whole API as the typed client sees it: every operation under /api. */
export type ApiApp = OpenAPIHono<AppEnv, MergeSchemaPath<ApiSchema, '/api'>, '/api'>;
