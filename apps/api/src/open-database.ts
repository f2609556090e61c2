import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { createDb, isFileUrl } from '@attentive/db';
import type { Env } from './env.ts';

/** Opens the configured database, creating the folder of an embedded file if needed. */
export async function openDatabase(env: Pick<Env, 'DATABASE_URL' | 'DATABASE_AUTH_TOKEN'>) {
  if (isFileUrl(env.DATABASE_URL) && env.DATABASE_URL !== ':memory:') {
    const path = env.DATABASE_URL.replace(/^file:(\/\/)?/, '');
    mkdirSync(dirname(resolve(path)), { recursive: true });
  }
  return createDb({ url: env.DATABASE_URL, authToken: env.DATABASE_AUTH_TOKEN });
}
