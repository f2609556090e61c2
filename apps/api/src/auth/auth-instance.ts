import { instanceSecret } from '@attentive/core/access/instance-secret';
import type { AppDeps } from '../context.ts';
import { createAuth, type Auth } from './create-auth.ts';

const instances = new WeakMap<AppDeps, Promise<Auth>>();

/**
 * The better-auth instance of one app, built on first use. The signing secret is AUTH_SECRET when
 * set; otherwise one generated on first start and kept in the database (instance_secrets), so
 * sessions survive restarts and every process sharing the database agrees on it.
 */
export function authOf(deps: AppDeps): Promise<Auth> {
  let p = instances.get(deps);
  if (!p) {
    p = (async () => createAuth(deps.db, deps.env, deps.env.AUTH_SECRET ?? (await instanceSecret(deps.db, 'auth_secret'))))();
    p.catch(() => instances.delete(deps));
    instances.set(deps, p);
  }
  return p;
}
