import { Hono, type Context } from 'hono';
import { z } from 'zod';
import { eq } from 'drizzle-orm';
import { schema } from '@attentive/db';
import { writeAudit } from '@attentive/core';
import { lockedUntil, normaliseEmail, recordFailedSignIn, recordSignIn } from '@attentive/core/access/sign-in-throttle';
import type { AppDeps, AppEnv } from '../context.ts';
import { errorBody } from '../errors.ts';
import type { ErrorCode } from '@attentive/shared/contract';
import { authOf } from './auth-instance.ts';

/**
 * The better-auth endpoints we use; everything else it offers (sign-up, e-mail flows, get-session, which
 * would hand the session token to scripts) stays closed. Who is signed in: GET /api/me.
 */
const OPEN = new Set(['POST /sign-in/email', 'POST /sign-out', 'POST /change-password']);

const CODE_OF: Partial<Record<number, ErrorCode>> = {
  400: 'VALIDATION',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  429: 'TOO_MANY_REQUESTS'
};

/** better-auth answers errors as { code, message }; rewrap them in our one envelope. */
async function envelope(c: Context<AppEnv>, res: Response): Promise<Response> {
  if (res.status < 400) return res;
  let message = 'Request refused';
  try {
    const body = (await res.clone().json()) as { message?: string };
    if (body.message) message = body.message;
  } catch {
    // not JSON: keep the generic message
  }
  const out = new Response(JSON.stringify(errorBody(c, CODE_OF[res.status] ?? 'HTTP_ERROR', message)), {
    status: res.status,
    headers: res.headers
  });
  out.headers.set('content-type', 'application/json');
  out.headers.delete('content-length');
  return out;
}

/** better-auth's success answer with the user only: the session token travels in the httpOnly cookie, never in a body a script could read. */
function withoutToken(res: Response, user: { id: string; email: string; name: string } | undefined): Response {
  const out = new Response(JSON.stringify({ user: user ? { id: user.id, email: user.email, name: user.name } : null }), {
    status: res.status,
    headers: res.headers
  });
  out.headers.delete('content-length');
  out.headers.set('content-type', 'application/json');
  return out;
}

const SignInBody = z.object({ email: z.string(), password: z.string() });

/** /api/auth/*: better-auth's handler behind an allow-list, with the address lockout and the audit trail. */
export function authRoutes(deps: AppDeps) {
  const now = () => (deps.now ? deps.now() : new Date());
  const r = new Hono<AppEnv>();
  r.on(['GET', 'POST'], '/auth/*', async (c) => {
    const sub = c.req.path.replace(/^\/api\/auth/, '');
    if (!OPEN.has(`${c.req.method} ${sub}`)) {
      return c.json(errorBody(c, 'NOT_FOUND', `No API route ${c.req.method} ${c.req.path}`), 404);
    }
    const auth = await authOf(deps);
    const requestId = c.get('requestId');

    if (sub === '/sign-in/email') {
      const parsed = SignInBody.safeParse(
        await c.req.raw
          .clone()
          .json()
          .catch(() => null)
      );
      if (!parsed.success) {
        return c.json(errorBody(c, 'VALIDATION', 'Send JSON { email, password }'), 400);
      }
      const email = normaliseEmail(parsed.data.email);
      const until = await lockedUntil(deps.db, email, now());
      if (until) {
        await recordFailedSignIn(deps.db, { email, reason: 'locked', requestId }, now());
        const minutes = Math.max(1, Math.ceil((until.getTime() - now().getTime()) / 60_000));
        c.header('Retry-After', String(minutes * 60));
        return c.json(
          errorBody(c, 'TOO_MANY_REQUESTS', `Too many failed sign-ins for this address; try again in ${minutes} minute(s)`),
          429
        );
      }
      const res = await auth.handler(c.req.raw);
      if (res.ok) {
        const body = (await res.clone().json()) as { user?: { id: string; email: string; name: string } };
        const user = body.user;
        if (user) {
          const [person] = await deps.db
            .select({ tenantId: schema.people.tenantId })
            .from(schema.people)
            .where(eq(schema.people.userId, user.id));
          await recordSignIn(deps.db, { email, userId: user.id, tenantId: person?.tenantId ?? null, requestId }, now());
        }
        return withoutToken(res, user);
      } else if (res.status === 401) {
        const { locked } = await recordFailedSignIn(deps.db, { email, reason: 'bad_credentials', requestId }, now());
        if (locked) {
          return c.json(errorBody(c, 'TOO_MANY_REQUESTS', 'Too many failed sign-ins for this address; it is locked for a while'), 429);
        }
      }
      return envelope(c, res);
    }

    let res: Response;
    if (sub === '/change-password') {
      // A changed password ends every other session, always (a thief's session must not outlive the change):
      // revokeOtherSessions is forced on, and better-auth's new session token goes only into the cookie.
      const body = await c.req.raw
        .clone()
        .json()
        .catch(() => null);
      if (!body || typeof body !== 'object' || Array.isArray(body)) {
        return c.json(errorBody(c, 'VALIDATION', 'Send JSON { currentPassword, newPassword }'), 400);
      }
      const headers = new Headers(c.req.raw.headers);
      headers.delete('content-length');
      headers.set('content-type', 'application/json');
      const forced = new Request(c.req.raw.url, { method: 'POST', headers, body: JSON.stringify({ ...body, revokeOtherSessions: true }) });
      res = await auth.handler(forced);
      if (res.ok) {
        const { user } = (await res.clone().json()) as { user?: { id: string; email: string; name: string } };
        res = withoutToken(res, user);
      }
    } else {
      res = await auth.handler(c.req.raw);
    }
    const principal = c.get('principal');
    if (res.ok && principal && (sub === '/change-password' || sub === '/sign-out')) {
      await deps.db.transaction((tx) =>
        writeAudit(
          tx,
          { principal, requestId },
          {
            action: sub === '/change-password' ? 'auth.password_changed' : 'auth.sign_out',
            objectType: 'user',
            objectId: principal.userId
          },
          now()
        )
      );
    }
    return envelope(c, res);
  });
  return r;
}
