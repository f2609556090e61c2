/**
 * Bulk imports in one process run one at a time: an all-or-nothing import holds SQLite's write lock
 * until it ends, and a second import would otherwise fail after the busy timeout instead of waiting.
 */
let tail: Promise<unknown> = Promise.resolve();

export function withImportLock<T>(fn: () => Promise<T>): Promise<T> {
  const run = tail.then(fn, fn);
  tail = run.catch(() => undefined);
  return run;
}
