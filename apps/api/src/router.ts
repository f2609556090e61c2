import { OpenAPIHono } from '@hono/zod-openapi';
import type { Hono } from 'hono';
import type { MergeSchemaPath } from 'hono/types';
import type { AppDeps, AppEnv } from './context.ts';
import { validationHook } from './errors.ts';

export const API_VERSION = '0.1.0';

/** Every route group is one of these, so bad input always gets the same 400 envelope. */
export function newRouter() {
  return new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
}

/** The operations of one router, as `.route('/', router)` adds them to the RPC type. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- only the schema is read; env and paths may be anything
type OperationsOf<R> = R extends Hono<any, infer S, any> ? MergeSchemaPath<S, '/'> : never;

/**
 * One router serving the operations of every route group `groups` builds from `deps`: what
 * `newRouter().route('/', a(deps)).route('/', b(deps))…` does, typed as the same union, so the RPC type
 * of every operation survives for the typed web client.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see OperationsOf
export function mountAll<const G extends readonly ((deps: AppDeps) => Hono<any, any, any>)[]>(deps: AppDeps, ...groups: G) {
  const router = newRouter();
  for (const group of groups) router.route('/', group(deps));
  return router as unknown as OpenAPIHono<AppEnv, OperationsOf<ReturnType<G[number]>>, '/'>;
}
