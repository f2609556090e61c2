import type { Hono } from 'hono';
import type { AppDeps } from '../context.ts';
import { mountAll } from '../router.ts';
import { healthRoutes } from './health.ts';
import { authRoutes } from '../auth/auth-routes.ts';
import { meRoutes } from './me/index.ts';
import { adminRoutes } from './admin/index.ts';
import { scorecardRoutes } from './scorecards/index.ts';
import { evaluationRoutes } from './evaluations/index.ts';
import { callRoutes } from './calls/index.ts';
import { coachingRoutes } from './coaching/index.ts';
import { samplingRoutes } from './sampling/index.ts';
import { settingsRoutes } from './settings/index.ts';
import { mysteryRoutes } from './mystery/index.ts';
import { surveyRoutes } from './surveys/index.ts';
import { calibrationRoutes } from './calibration/index.ts';
import { clientRoutes } from './client/index.ts';

/*
 * Every route group of the API, in three mounts. Why not one: the typed client's declarations
 * (tsconfig.client.json) spell each exported function's inferred type out, and TypeScript refuses a single
 * type beyond its serialisation limit (TS7056) — the whole API in one mountAll crossed it in issue 17. Each
 * part here stays under it; app.ts names the union of their schemas instead of inferring it.
 */
export const coreRoutes = (deps: AppDeps) =>
  mountAll(deps, healthRoutes, authRoutes, meRoutes, adminRoutes, scorecardRoutes, evaluationRoutes, callRoutes);

export const programRoutes = (deps: AppDeps) => mountAll(deps, coachingRoutes, samplingRoutes, settingsRoutes, mysteryRoutes);

export const instrumentRoutes = (deps: AppDeps) => mountAll(deps, surveyRoutes, calibrationRoutes, clientRoutes);

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- only the schema is read
type SchemaOf<R> = R extends Hono<any, infer S, any> ? S : never;

/** The operations of the whole API (paths relative to /api). */
export type ApiSchema =
  SchemaOf<ReturnType<typeof coreRoutes>> | SchemaOf<ReturnType<typeof programRoutes>> | SchemaOf<ReturnType<typeof instrumentRoutes>>;
