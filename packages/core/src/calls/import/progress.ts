import type { ImportCounts } from './types.ts';

export type LiveProgress = ImportCounts & { bytesRead: number; errorCount: number; updatedAt: number };

/**
 * Live counts of the imports running in this process, keyed by import id. On an embedded file an
 * all-or-nothing import commits only at its end, so its imports row cannot show progress; pollers read it
 * from here (one process owns the file, so it is the process they poll). On a libSQL server the running
 * process also writes its progress into the imports row every second (heartbeat.ts), which every process
 * reads; this map only makes the running process's own answer fresher.
 */
const live = new Map<string, LiveProgress>();

export function publishProgress(importId: string, p: LiveProgress) {
  live.set(importId, p);
}

export function liveProgress(importId: string): LiveProgress | undefined {
  return live.get(importId);
}

export function endProgress(importId: string) {
  live.delete(importId);
}
