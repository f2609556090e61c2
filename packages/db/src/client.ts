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

/** How long /api/health waits for the database before calling it unreachable (a hung server never answers). */
const PING_TIMEOUT_MS = 2000;

/** True when the database answers a trivial query within PING_TIMEOUT_MS. */
export async function pingDb(db: Db): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((r) => (timer = setTimeout(() => r(false), PING_TIMEOUT_MS)));
  try {
    return await Promise.race([db.$client.execute('select 1').then(() => true), timeout]);
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Socket-level reasons a libSQL server is out of reach (Node's and undici's codes: refused, reset, closed mid-answer,
 * timed out, unknown host).
 */
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  'UND_ERR_SOCKET',
  'UND_ERR_CLOSED',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT'
]);

/**
 * True when `err` says the libSQL server could not be reached (down, restarting, connection lost mid-request),
 * as opposed to a fault of the statement: the API answers 503 "try again" for these. Measured with
 * @libsql/client 0.18 against sqld 0.24: over ws:// every such failure is a LibsqlError HRANA_WEBSOCKET_ERROR
 * (refused, or "WebSocket was closed" when the server dies mid-transaction); over http:// it is fetch's TypeError
 * with the socket error as `cause`. Drizzle wraps both in its own error (the driver's is its `cause`), hence the walk.
 * An embedded file never gives these.
 */
export function isDatabaseUnreachable(err: unknown): boolean {
  for (let e = err, depth = 0; e instanceof Error && depth < 6; e = e.cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (code === 'HRANA_WEBSOCKET_ERROR' || code === 'HRANA_CLOSED_ERROR') return true;
    if (typeof code === 'string' && NETWORK_CODES.has(code)) return true;
  }
  return false;
}
