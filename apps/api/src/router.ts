import { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from './context.ts';
import { validationHook } from './errors.ts';

export const API_VERSION = '0.1.0';

/** Every route group is one of these, so bad input always gets the same 400 envelope. */
export function newRouter() {
  return new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
}
