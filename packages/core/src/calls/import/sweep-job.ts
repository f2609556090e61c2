import type { Db } from '@attentive/db';
import { acquireLease } from '../../processes/lease.ts';
import { HEARTBEAT_MS } from './heartbeat.ts';
import { sweepInterruptedImports } from './sweep-interrupted.ts';

type Log = (level: 'info' | 'warn' | 'error', message: string) => void;

const LEASE = 'imports.sweep-interrupted';

/**
 * On a libSQL server shared by several processes: every process looks for imports whose heartbeat stopped
 * (the process running them died) at start-up and then every third of the stale limit, so one is recognised
 * as interrupted by a survivor within about 1⅓ stale limits. One process sweeps at a time (a lease in the
 * database); the sweep's own conditions make a second one harmless anyway. The stale limit must be several
 * heartbeats (HEARTBEAT_MS): a heartbeat may wait up to a second behind an import's chunk transaction.
 */
export function startInterruptedImportSweep({ db, log, staleMs }: { db: Db; log: Log; staleMs: number }) {
  if (staleMs < 3 * HEARTBEAT_MS) throw new Error(`the stale limit of imports must be at least ${3 * HEARTBEAT_MS} ms`);
  const every = Math.max(HEARTBEAT_MS, Math.floor(staleMs / 3));
  const run = async () => {
    try {
      const now = new Date();
      if (!(await acquireLease(db, LEASE, every, now))) return;
      const swept = await sweepInterruptedImports(db, now, { staleBefore: new Date(now.getTime() - staleMs) });
      for (const s of swept)
        log(
          'warn',
          `import ${s.id} stopped sending heartbeats (its process stopped): marked interrupted, ${s.committedRows} rows committed before the stop`
        );
    } catch (e) {
      log('error', `imports: sweeping interrupted imports failed: ${String(e)}`);
    }
  };
  const ready = run();
  let timer: ReturnType<typeof setTimeout>;
  let stopped = false;
  const next = () => {
    // unref: a stopping server must not be kept alive by the next sweep, like the other jobs
    timer = setTimeout(() => void run().finally(() => !stopped && next()), every).unref();
  };
  next();
  return {
    ready,
    stop: () => {
      stopped = true;
      clearTimeout(timer);
    }
  };
}
