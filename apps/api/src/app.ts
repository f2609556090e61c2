import { requestId } from 'hono/request-id';
import type { AppDeps } from './context.ts';
import { handleError, errorBody } from './errors.ts';
import { mountAll, newRouter } from './router.ts';
import { healthRoutes } from './routes/health.ts';
import { docsRoutes } from './routes/docs.ts';
import { resolvePrincipal } from './middleware/principal.ts';
import { readQueue } from './middleware/read-queue.ts';
import { csrfGuard } from './middleware/csrf.ts';
import { requestBodyLimit } from './middleware/body-limit.ts';
import { jsonBodyGuard } from './middleware/json-body.ts';
import { requestLog } from './middleware/request-log.ts';
import { securityHeaders } from './middleware/security-headers.ts';
import { publicRateLimit } from './middleware/public-rate-limit.ts';
import { authRoutes } from './auth/auth-routes.ts';
import { meRoutes } from './routes/me/index.ts';
import { adminRoutes } from './routes/admin/index.ts';
import { scorecardRoutes } from './routes/scorecards/index.ts';
import { evaluationRoutes } from './routes/evaluations/index.ts';
import { callRoutes } from './routes/calls/index.ts';
import { coachingRoutes } from './routes/coaching/index.ts';
import { samplingRoutes } from './routes/sampling/index.ts';
import { settingsRoutes } from './routes/settings/index.ts';
import { mysteryRoutes } from './routes/mystery/index.ts';
import { surveyRoutes } from './routes/surveys/index.ts';
import { calibrationRoutes } from './routes/calibration/index.ts';
import { clientRoutes } from './routes/client/index.ts';

/**
 * Builds the HTTP API, mounted at /api. No side effects: the caller owns the database and the server.
 * Route groups are mounted together (mountAll) so the RPC type of the whole API survives for the typed web client.
 */
export function createApp(deps: AppDeps) {
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

  return app
    .route(
      '/',
      mountAll(
        deps,
        healthRoutes,
        authRoutes,
        meRoutes,
        adminRoutes,
        scorecardRoutes,
        evaluationRoutes,
        callRoutes,
        coachingRoutes,
        samplingRoutes,
        settingsRoutes,
        mysteryRoutes,
        surveyRoutes,
        calibrationRoutes,
        clientRoutes
      )
    )
    .route('/', docsRoutes(app));
}

export type ApiApp = ReturnType<typeof createApp>;
