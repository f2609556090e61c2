import type { MiddlewareHandler } from 'hono';
import { principalForApiToken, principalForUser, type Principal } from '@attentive/core';
import { isEmbedded, writeGenerationOf } from '@attentive/db';
import type { AppDeps, AppEnv } from '../context.ts';
import { errorBody } from '../errors.ts';
import { authOf } from '../auth/auth-instance.ts';
import { isPublicApiPath } from './public-rate-limit.ts';

/** A request that carries a session cookie of ours (any prefix better-auth adds, e.g. __Secure-). */
export const hasSessionCookie = (cookie: string | undefined) => !!cookie && /(^|;\s*)(__Secure-)?attentive\.session_token=/.test(cookie);

/**
 * Signed-in principals by Cookie header, for SESSION_CACHE_MS. Why: resolving a session (better-auth's
 * signed-cookie check, session and user rows, then person and roles) cost about as much CPU as the calls
 * list itself, on every request, on the event loop. A hit needs the very Cookie header that was verified
 * (session token and its signature) and no write finished since the lookup began: sign-out, a password change, a role
 * or person change all write, so they take effect on the next request as before. Only for an embedded
 * file, where this process sees every write (on a libSQL server other processes write unseen).
 */
export const SESSION_CACHE_MS = 2000;
const SESSION_CACHE_MAX = 1000; // cleared when full: at most ~1,000 Cookie headers (Node caps headers at 16 KB)
type CachedSession = { principal: Principal | null; generation: number; until: number };
const sessionCaches = new WeakMap<AppDeps, Map<string, CachedSession>>();

function sessionCacheOf(deps: AppDeps) {
  let m = sessionCaches.get(deps);
  if (!m) sessionCaches.set(deps, (m = new Map()));
  return m;
}

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
      const now = deps.now ? deps.now() : new Date();
      const generation = writeGenerationOf(deps.db);
      const cache = isEmbedded(deps.db) ? sessionCacheOf(deps) : null;
      const hit = cache?.get(cookie!);
      if (hit && hit.generation === generation && hit.until > now.getTime()) {
        c.set('principal', hit.principal);
        return next();
      }
      const auth = await authOf(deps);
      const { response: session, headers } = await auth.api.getSession({ headers: c.req.raw.headers, returnHeaders: true });
      if (session) {
        const principal = await principalForUser(deps.db, session.user, now);
        c.set('principal', principal);
        // Only sessions found are kept (made-up cookies cannot fill the cache); never past the session's end.
        if (cache) {
          if (cache.size >= SESSION_CACHE_MAX) cache.clear();
          cache.set(cookie!, {
            principal,
            generation,
            until: Math.min(now.getTime() + SESSION_CACHE_MS, new Date(session.session.expiresAt).getTime())
          });
        }
      }
      await next();
      // A session extended by this request gets its cookie extended too.
      for (const cookie of headers.getSetCookie()) {
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
