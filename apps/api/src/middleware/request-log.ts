import type { MiddlewareHandler } from 'hono';
import type { AppDeps, AppEnv } from '../context.ts';

/**
 * One log line per request: request id, method, path (never the query string, which may carry
 * names or customer references), status, duration and who asked (principal label, no secrets).
 * A survey link's token is a key: it is never written, the path shows `:token` in its place.
 */
export function requestLog(deps: AppDeps): MiddlewareHandler<AppEnv> {
  const level = deps.env.LOG_LEVEL;
  const enabled = deps.env.NODE_ENV !== 'test' && (level === 'debug' || level === 'info');
  return async (c, next) => {
    if (!enabled) return next();
    const start = performance.now();
    await next();
    const who = c.get('principal')?.label ?? 'anonymous';
    const ms = (performance.now() - start).toFixed(1);
    console.log(`[${c.get('requestId')}] ${c.req.method} ${loggedPath(c.req.path)} ${c.res.status} ${ms}ms ${who}`);
  };
}

/** The path as logged: the token of a public survey link replaced by `:token`. */
export const loggedPath = (path: string) => path.replace(/^(\/api\/public\/surveys\/)[^/]+/, '$1:token');
