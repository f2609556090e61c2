import type { MiddlewareHandler } from 'hono';
import { principalForApiToken } from '@attentive/core';
import type { AppDeps, AppEnv } from '../context.ts';
import { errorBody } from '../errors.ts';
import { resolveSession } from '../auth/resolve-session.ts';
import { isPublicApiPath } from './public-rate-limit.ts';

/** A request that carries a session cookie of ours (any prefix better-auth adds, e.g. __Secure-). */
export const hasSessionCookie = (cookie: string | undefined) => !!cookie && /(^|;\s*)(__Secure-)?attentive\.session_token=/.test(cookie);

export const bearerToken = (authorization: string | undefined) => {
  const m = authorization?.match(/^Bearer\s+(\S+)\s*$/i);
  return m ? m[1]! : null;
};

/**
 * Finds who asks: an API token (`Authorization: Bearer att_…`, integrations) or a session cookie
 * (signed-in user → person → role assignments). Sets `principal` to null for anonymous requests;
 * routes that need one call `principalOf(c)`. A bearer token that is unknown or revoked is refused
 * here, so an integration learns at once that its token no longer works.
 */
export function resolvePrincipal(deps: AppDeps): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    c.set('principal', null);
    // The public survey routes have no principal: a cookie or bearer token sent along is neither read nor
    // refreshed there (no Set-Cookie), so a respondent's page is the same for everyone holding the link.
    if (isPublicApiPath(c.req.path)) return next();
    const authorization = c.req.header('authorization');
    if (authorization) {
      const token = bearerToken(authorization);
      const principal = token ? await principalForApiToken(deps.db, token, deps.now ? deps.now() : new Date()) : null;
      if (!principal) {
        return c.json(
          errorBody(c, 'UNAUTHENTICATED', 'The API token is unknown, malformed or revoked (send Authorization: Bearer att_…)'),
          401
        );
      }
      c.set('principal', principal);
      return next();
    }
    const cookie = c.req.header('cookie');
    if (hasSessionCookie(cookie)) {
      const { principal, setCookies } = await resolveSession(deps, c.req.raw.headers, deps.now ? deps.now() : new Date());
      c.set('principal', principal);
      await next();
      // A session extended by this request gets its cookie extended too.
      for (const cookie of setCookies) {
        try {
          c.res.headers.append('set-cookie', cookie);
        } catch {
          // immutable headers (a proxied response): the cookie is extended on the next request
        }
      }
      return;
    }
    await next();
  };
}
