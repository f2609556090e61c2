import { principalForSessionToken, principalForUser, type Principal } from '@attentive/core';
import type { AppDeps } from '../context.ts';
import { authOf } from './auth-instance.ts';
import { parseCookieHeader, sessionCookieKeys, verifiedToken } from './session-cookie.ts';

/** Who a session cookie stands for, and the Set-Cookie headers to send back (a session extended by better-auth). */
export type ResolvedSession = { principal: Principal | null; setCookies: string[] };

/**
 * A request's session cookie → its principal. The common case costs a signature check and ONE statement
 * (principalForSessionToken): nothing is cached between requests, so sign-out, a password change, a role
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
    const found = await principalForSessionToken(deps.db, token, today);
    // better-auth's clock and rule (api/routes/session.mjs): expired before now; extended once updateAge has passed.
    const now = Date.now();
    const live = found && found.expiresAt.getTime() >= now;
    const dueForExtension = found && found.expiresAt.getTime() - keys.expiresInMs + keys.updateAgeMs <= now;
    if (live && !dueForExtension) return { principal: found.principal, setCookies: [] };
  }
  const { response: session, headers: answer } = await auth.api.getSession({ headers, returnHeaders: true });
  return {
    principal: session ? await principalForUser(deps.db, session.user, today) : null,
    setCookies: answer.getSetCookie()
  };
}
