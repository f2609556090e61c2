import type { MiddlewareHandler } from 'hono';
import type { AppDeps, AppEnv } from '../context.ts';
import { errorBody } from '../errors.ts';
import { hasSessionCookie } from './principal.ts';
import { isPublicApiPath } from './public-rate-limit.ts';

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * CSRF guard for cookie-authenticated writes (and sign-in): the Origin header must be our own origin
 * (ORIGIN, or the origin the request was addressed to). Browsers always send Origin on cross-site and
 * same-origin POSTs; SvelteKit's server-side fetch sets it too. Bearer-token requests carry no ambient
 * credential and are exempt.
 */
export function csrfGuard(deps: AppDeps): MiddlewareHandler<AppEnv> {
  const configured = deps.env.ORIGIN ? new URL(deps.env.ORIGIN).origin : null;
  return async (c, next) => {
    // The public survey routes use no credential at all (the token in the path is the key): nothing to forge.
    if (SAFE.has(c.req.method) || c.req.header('authorization') || isPublicApiPath(c.req.path)) return next();
    const needsCheck = hasSessionCookie(c.req.header('cookie')) || c.req.path.startsWith('/api/auth/');
    if (!needsCheck) return next();
    const origin = c.req.header('origin');
    const own = new URL(c.req.url).origin;
    if (origin && (origin === own || origin === configured)) return next();
    return c.json(
      errorBody(
        c,
        'FORBIDDEN',
        origin ? `Cross-site request refused (Origin ${origin} is not this site)` : 'Cross-site request refused (missing Origin header)'
      ),
      403
    );
  };
}
