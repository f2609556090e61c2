import { principalForSessionToken, principalForUser, type Principal } from '@attentive/core';
import { isEmbedded, writeGenerationOf } from '@attentive/db';
import type { AppDeps } from '../context.ts';
import { authOf } from './auth-instance.ts';
import { parseCookieHeader, sessionCookieKeys, verifiedToken } from './session-cookie.ts';

/** Who a session cookie stands for, and the Set-Cookie headers to send back (a session extended by better-auth). */
export type ResolvedSession = { principal: Principal | null; setCookies: string[] };

/**
 * On an embedded file only: sessions already resolved, by token, for at most SESSION_CACHE_MS and only while no
 * write has finished since the lookup began. This process sees every write to its file, and sign-out, a password
 * change, a role or person change all write, so they still take effect on the next request. Why at all: the
 * embedded driver prepares every statement anew, and the five-table statement costs about as much CPU as the rest
 * of a small request. On a libSQL server other processes write unseen, so nothing is kept there.
 */
export const SESSION_CACHE_MS = 2000;
const SESSION_CACHE_MAX = 1000; // cleared when full
type Cached = { principal: Principal | null; expiresAt: number; generation: number; until: number };
const caches = new WeakMap<AppDeps, Map<string, Cached>>();

function cacheOf(deps: AppDeps) {
  if (!isEmbedded(deps.db)) return null;
  let m = caches.get(deps);
  if (!m) caches.set(deps, (m = new Map()));
  return m;
}

/**
 * A request's session cookie → its principal. The common case costs a signature check and ONE statement
 * (principalForSessionToken, which also reads what GET /api/me shows), so sign-out, a password change, a role
 * removal or a person leaving take effect on the very next request on every process sharing the database.
 * better-auth's own getSession (a WebCrypto verify, then session and user rows, then ours for person and roles)
 * cost several times that. Everything unusual is still left to it, unchanged: a session it must extend (it
 * writes the new expiry and sends a fresh cookie), one that is gone or expired (it clears the cookie and the
 * row), and requests carrying its other session cookies.
 */
export async function resolveSession(deps: AppDeps, headers: Headers, today: Date): Promise<ResolvedSession> {
  const auth = await authOf(deps);
  const keys = await sessionCookieKeys(auth);
  const cookies = parseCookieHeader(headers.get('cookie') ?? '');
  const value = cookies.get(keys.tokenName);
  if (value !== undefined && !keys.otherNames.some((n) => cookies.has(n))) {
    const token = verifiedToken(value, keys.secret);
    // A signature that is not ours: nobody, and no Set-Cookie, exactly as better-auth answers it.
    if (!token) return { principal: null, setCookies: [] };
    // better-auth's clock and rules (api/routes/session.mjs): expired before now; extended once updateAge has passed.
    const now = Date.now();
    const usable = (expiresAt: number) => expiresAt >= now && expiresAt - keys.expiresInMs + keys.updateAgeMs > now;
    const cache = cacheOf(deps);
    const generation = writeGenerationOf(deps.db);
    const hit = cache?.get(token);
    if (hit && hit.generation === generation && hit.until > now && usable(hit.expiresAt)) {
      return { principal: hit.principal, setCookies: [] };
    }
    const found = await principalForSessionToken(deps.db, token, today);
    if (found && usable(found.expiresAt.getTime())) {
      if (cache) {
        if (cache.size >= SESSION_CACHE_MAX) cache.clear();
        cache.set(token, { principal: found.principal, expiresAt: found.expiresAt.getTime(), generation, until: now + SESSION_CACHE_MS });
      }
      return { principal: found.principal, setCookies: [] };
    }
  }
  const { response: session, headers: answer } = await auth.api.getSession({ headers, returnHeaders: true });
  return {
    principal: session ? await principalForUser(deps.db, session.user, today) : null,
    setCookies: answer.getSetCookie()
  };
}
