/**
 * Bulk imports in one process run one at a time: on an embedded file an all-or-nothing import holds SQLite's
 * write lock until it ends, and a second import would otherwise fail after the busy timeout instead of waiting.
 * On a libSQL server two processes may each run an import at once: their chunk transactions (at most about a
 * second each) take turns on the server's write lock, each reads max(id) inside its own write transaction
 * (upsert-calls.ts), and rows are matched on (tenant, source, external id), so neither can corrupt the other.
 */
let tail: Promise<unknown> = Promise.resolve();

export function withImportLock<T>(fn: () => Promise<T>): Promise<T> {
  const run = tail.then(fn, fn);
  tail = run.catch(() => undefined);
  return run;
}
