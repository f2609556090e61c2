import type { ImportCounts } from './types.ts';

export type LiveProgress = ImportCounts & { bytesRead: number; errorCount: number; updatedAt: number };

/**
 * Live counts of the imports running in this process, keyed by import id. An all-or-nothing import
 * commits only at its end, so its imports row cannot show progress; pollers read it from here.
 * Process-local by design: with several API processes, poll the one that runs the import.
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
