import { and, eq } from 'drizzle-orm';
import { schema, type Db } from '@attentive/db';
import { PROCESS_ID } from '../../processes/process-id.ts';

/** How often a running import says it is alive (and how far it got) on a libSQL server. */
export const HEARTBEAT_MS = 1000;

/** What a heartbeat writes besides the time: always the bytes read; the counts only when they are safe to show. */
export type HeartbeatFields = {
  bytesRead: number;
  /** Counts that do not stand for committed rows (an all-or-nothing upload being checked): see ImportRun. */
  counts?: { rowsProcessed: number; invalid: number; errorCount: number };
};

/**
 * On a libSQL server, the process running an import writes `heartbeat_at`, `holder` and its progress into the
 * imports row every HEARTBEAT_MS, each a small auto-commit write outside the import's own transactions. So
 * every process's GET of the import shows it moving, and a process that stops (crash, kill, deploy) stops the
 * heartbeat: any other process then recognises the import as interrupted (sweep-interrupted.ts).
 *
 * Not used on an embedded file: one process owns the file, an all-or-nothing import holds its write lock
 * (and this process's write mutex) for its whole run, so a separate write would only wait behind it; the
 * file keeps the live counts in memory (progress.ts) and sweeps every running import at start-up.
 *
 * The writes never overlap (the next is scheduled when the previous is done), and `stop()` waits for the one
 * in flight, so the final imports row is never overwritten by a late heartbeat.
 */
export function startHeartbeat(db: Db, importId: string, fields: () => HeartbeatFields): { stop: () => Promise<void> } {
  let stopped = false;
  let inFlight: Promise<void> = Promise.resolve();
  let timer: ReturnType<typeof setTimeout>;
  const beat = () => {
    if (stopped) return;
    const f = fields();
    inFlight = db
      .update(schema.imports)
      .set({ heartbeatAt: new Date(), holder: PROCESS_ID, bytesRead: f.bytesRead || null, ...(f.counts ?? {}) })
      .where(and(eq(schema.imports.id, importId), eq(schema.imports.status, 'running')))
      .then(
        () => undefined,
        // A missed beat is harmless (the stale limit is many beats); the next one tries again.
        () => undefined
      )
      .finally(() => {
        if (!stopped) timer = setTimeout(beat, HEARTBEAT_MS).unref();
      });
  };
  timer = setTimeout(beat, HEARTBEAT_MS).unref();
  return {
    stop: async () => {
      stopped = true;
      clearTimeout(timer);
      await inFlight;
    }
  };
}
