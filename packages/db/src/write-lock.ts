import type { Client, InStatement, Transaction, TransactionMode } from '@libsql/client';

/**
 * One writer at a time per process, waited for asynchronously.
 *
 * Why: libsql's embedded (file:) driver is synchronous. While one transaction holds SQLite's write
 * lock and awaits, a second writer's BEGIN IMMEDIATE (or plain INSERT) spins in SQLite's busy handler
 * ON the event loop, so the first can never commit: both stall for the busy timeout and one fails with
 * SQLITE_BUSY. Queuing writers here keeps the event loop free. Readers are not queued (WAL lets them
 * run beside the writer). Other processes are still arbitrated by SQLite's busy timeout.
 */
export class AsyncMutex {
  #tail: Promise<void> = Promise.resolve();

  acquire(): Promise<() => void> {
    let release!: () => void;
    const next = new Promise<void>((r) => (release = r));
    const ready = this.#tail.then(() => {
      let done = false;
      return () => {
        if (!done) {
          done = true;
          release();
        }
      };
    });
    this.#tail = this.#tail.then(() => next);
    return ready;
  }
}

const READ_ONLY = /^\s*(select|pragma\s+\w+\s*$|explain|values)\b/i;
const sqlOf = (stmt: InStatement) => (typeof stmt === 'string' ? stmt : stmt.sql);
export const isReadOnly = (stmt: InStatement) => READ_ONLY.test(sqlOf(stmt));

const generations = new WeakMap<Client, { n: number }>();

/**
 * How many writes (statements, batches, transactions) this process has finished on this client. A cache of
 * something read from an embedded file is still valid while this number has not changed since before the
 * read: it moves when a write's lock is released, i.e. after its commit or rollback. On a libSQL server it
 * counts this process's writes only (others write there unseen), which tests use to prove a read wrote nothing.
 */
export function writeGeneration(client: Client): number | null {
  return generations.get(client)?.n ?? null;
}

/**
 * Routes every writing call of a client through one AsyncMutex (`lock`, for an embedded file) or only
 * counts them (a libSQL server arbitrates its writers itself).
 */
export function serializeWrites(client: Client, { lock: serialize = true }: { lock?: boolean } = {}): Client {
  const mutex = new AsyncMutex();
  const generation = { n: 0 };
  generations.set(client, generation);
  const lock = {
    acquire: async () => {
      const release = serialize ? await mutex.acquire() : () => {};
      let done = false;
      return () => {
        if (done) return;
        done = true;
        generation.n++;
        release();
      };
    }
  };
  const withLock = async <T>(fn: () => Promise<T>): Promise<T> => {
    const release = await lock.acquire();
    try {
      return await fn();
    } finally {
      release();
    }
  };

  const execute = client.execute.bind(client) as (...a: unknown[]) => Promise<unknown>;
  const batch = client.batch.bind(client);
  const migrate = client.migrate.bind(client);
  const executeMultiple = client.executeMultiple.bind(client);
  const transaction = client.transaction.bind(client);

  // libSQL's execute is overloaded (statement, or sql + args); the wrapper takes both shapes and passes them on.
  (client as unknown as { execute: (s: InStatement, args?: unknown) => Promise<unknown> }).execute = (
    stmtOrSql: InStatement,
    args?: unknown
  ) => (isReadOnly(stmtOrSql) ? execute(stmtOrSql, args) : withLock(() => execute(stmtOrSql, args)));
  client.batch = ((stmts: InStatement[], mode?: TransactionMode) =>
    mode === 'read' ? batch(stmts, mode) : withLock(() => batch(stmts, mode))) as Client['batch'];
  client.migrate = ((stmts: InStatement[]) => withLock(() => migrate(stmts))) as Client['migrate'];
  client.executeMultiple = (sql: string) => withLock(() => executeMultiple(sql));
  client.transaction = async (mode?: TransactionMode): Promise<Transaction> => {
    if (mode === 'read') return transaction(mode);
    const release = await lock.acquire();
    let tx: Transaction;
    try {
      tx = await transaction(mode);
    } catch (e) {
      release();
      throw e;
    }
    const commit = tx.commit.bind(tx);
    const rollback = tx.rollback.bind(tx);
    const close = tx.close.bind(tx);
    tx.commit = async () => {
      try {
        await commit();
      } finally {
        release();
      }
    };
    tx.rollback = async () => {
      try {
        await rollback();
      } finally {
        release();
      }
    };
    tx.close = () => {
      try {
        close();
      } finally {
        release();
      }
    };
    return tx;
  };
  return client;
}
