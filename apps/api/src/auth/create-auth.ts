import { betterAuth } from 'better-auth';
import { drizzleAdapter } from 'better-auth/adapters/drizzle';
import { schema, type Db } from '@attentive/db';
import { hashPassword, verifyPassword, MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from '@attentive/db/password';
import type { Env } from '../env.ts';
import { CLIENT_ADDRESS_HEADER } from '../middleware/public-rate-limit.ts';

/** Sessions last 12 hours of inactivity at most; an active session is extended at most once an hour. */
export const SESSION_EXPIRES_IN_S = 12 * 60 * 60;
export const SESSION_UPDATE_AGE_S = 60 * 60;

export function authBaseUrl(env: Pick<Env, 'ORIGIN' | 'PORT'>) {
  return env.ORIGIN ?? `http://localhost:${env.PORT}`;
}

/**
 * better-auth, e-mail + password only, on our own database. Accounts are created by admins (or the
 * demo seed), never by sign-up. Passwords use our argon2id hashing. Sessions live in the database,
 * in an httpOnly SameSite=Lax cookie that is Secure whenever the public origin is https.
 */
export function createAuth(db: Db, env: Env, secret: string) {
  const baseURL = authBaseUrl(env);
  return betterAuth({
    appName: 'Attentive',
    baseURL,
    basePath: '/api/auth',
    secret,
    database: drizzleAdapter(db, {
      provider: 'sqlite',
      schema: {
        user: schema.users,
        session: schema.sessions,
        account: schema.accounts,
        verification: schema.verifications,
        rateLimit: schema.rateLimits
      }
    }),
    emailAndPassword: {
      enabled: true,
      disableSignUp: true,
      minPasswordLength: MIN_PASSWORD_LENGTH,
      maxPasswordLength: MAX_PASSWORD_LENGTH,
      password: { hash: hashPassword, verify: ({ hash, password }) => verifyPassword(hash, password) }
    },
    session: { expiresIn: SESSION_EXPIRES_IN_S, updateAge: SESSION_UPDATE_AGE_S },
    // Per-IP limits (when an IP is known) in the database, so a restart does not reset them; the
    // per-address lockout in core/access/sign-in-throttle.ts is the main guard against guessing.
    rateLimit: {
      enabled: env.NODE_ENV !== 'test',
      storage: 'database',
      window: 60,
      max: 300,
      customRules: { '/sign-in/email': { window: 60, max: env.SIGN_IN_LIMIT_PER_MINUTE }, '/change-password': { window: 60, max: 10 } }
    },
    // Our CSRF guard (middleware/csrf.ts) already demands Origin = ORIGIN or the origin the request was
    // addressed to; without ORIGIN configured the server may be reached as localhost, 127.0.0.1 or a LAN name.
    trustedOrigins: (request) => [new URL(baseURL).origin, ...(request && !env.ORIGIN ? [new URL(request.url).origin] : [])],
    advanced: {
      useSecureCookies: baseURL.startsWith('https:'),
      // The client's address as the server saw the connection (serve.ts, or the web server honouring its
      // ADDRESS_HEADER setting behind a proxy): never X-Forwarded-For as a client sends it, which anyone could vary
      // to dodge the per-address sign-in limit.
      ipAddress: { ipAddressHeaders: [CLIENT_ADDRESS_HEADER] },
      cookiePrefix: 'attentive',
      defaultCookieAttributes: { httpOnly: true, sameSite: 'lax', path: '/' }
    },
    telemetry: { enabled: false },
    logger: { disabled: env.NODE_ENV === 'test' || env.LOG_LEVEL === 'silent', level: 'error' }
  });
}

export type Auth = ReturnType<typeof createAuth>;
