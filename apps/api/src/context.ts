import type { Db } from '@attentive/db';
import type { Ctx, Principal } from '@attentive/core';
import { contactCipherOf } from './contact-key.ts';
import { mailerOf } from './mailer.ts';
import { DomainError } from '@attentive/core';
import type { Context } from 'hono';
import type { Env } from './env.ts';

/** What the API needs to run. Built by the caller (serve.ts, the web server, a test); no side effects. */
export type AppDeps = {
  db: Db;
  env: Env;
  /** Injected clock for tests. */
  now?: () => Date;
};

export type AppVariables = {
  requestId: string;
  principal: Principal | null;
};

export type AppEnv = { Variables: AppVariables };

/** The signed-in principal, or a 401 that says so. */
export function principalOf(c: Context<AppEnv>): Principal {
  const p = c.get('principal');
  if (!p) throw new DomainError('UNAUTHENTICATED', 'Sign in first (session cookie or Authorization: Bearer token)');
  return p;
}

/** The core verb context for this request. */
export function ctxOf(c: Context<AppEnv>, deps: AppDeps): Ctx {
  return {
    db: deps.db,
    principal: principalOf(c),
    requestId: c.get('requestId'),
    now: deps.now,
    contactCipher: contactCipherOf(deps.env),
    contactRetentionDays: deps.env.CONTACT_RETENTION_DAYS,
    mailer: mailerOf(deps.env),
    // Links in e-mails point at ORIGIN; without it, at the address this request came to.
    publicUrl: deps.env.ORIGIN ?? new URL(c.req.url).origin
  };
}
