import { createClient, type Client } from '@libsql/client';
import { drizzle, type LibSQLDatabase } from 'drizzle-orm/libsql';
import * as schema from './schema/index.ts';
import { serializeWrites, writeGeneration } from './write-lock.ts';

export type Schema = typeof schema;
export type Db = LibSQLDatabase<Schema> & { $client: Client };
/** A drizzle transaction or the database itself: verbs accept either. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
export type DbOrTx = Db | Tx;

export type DbConfig = { url: string; authToken?: string };

/**
 * Settings for an embedded SQLite file, chosen on purpose:
 * - journal_mode=WAL (stored in the file): readers never block the writer, nor the writer readers.
 * - foreign_keys=ON: libsql's default, checked at start so a build without it fails loudly.
 * - busy timeout 5 s (the client's `timeout`, applied to every pooled connection): a writer waits for
 *   another writer instead of failing at once.
 * - synchronous stays at SQLite's default FULL for WAL: every committed evaluation survives a power cut.
 *   The client opens pooled connections itself, so a per-connection pragma could not be applied to all.
 */
export const BUSY_TIMEOUT_MS = 5000;

export function isFileUrl(url: string) {
  return url.startsWith('file:') || url === ':memory:';
}

export async function createDb(config: DbConfig): Promise<Db> {
  let client = createClient({ url: config.url, authToken: config.authToken, timeout: BUSY_TIMEOUT_MS });
  if (!isFileUrl(config.url)) client = serializeWrites(client, { lock: false });
  else {
    client = serializeWrites(client);
    await client.execute('PRAGMA journal_mode = WAL');
    const fk = await client.execute('PRAGMA foreign_keys');
    if (Number(fk.rows[0]?.[0]) !== 1) throw new Error('SQLite foreign keys are off: this libsql build is not supported');
  }
  return drizzle(client, { schema }) as Db;
}

/** An embedded SQLite file (one writer process), as opposed to a libSQL server shared by several processes. */
export const isEmbedded = (db: Db) => db.$client.protocol === 'file';

/** Moves after every write this process finishes (see writeGeneration in write-lock.ts). */
export const writeGenerationOf = (db: Db): number => writeGeneration(db.$client) ?? 0;

/** True when the database answers a trivial query. */
export async function pingDb(db: Db): Promise<boolean> {
  try {
    await db.$client.execute('select 1');
    return true;
  } catch {
    return false;
  }
}
