import { schema } from '@attentive/db';
import { liveProgress } from './progress.ts';
import type { RowError } from './types.ts';

/** An import run as its importer sees it: the imports row (on a libSQL server kept fresh by the heartbeat), or the in-memory counts while it runs in this process. */
export type ImportView = {
  id: string;
  status: 'running' | 'completed' | 'rejected' | 'failed';
  format: 'csv' | 'json';
  mode: 'all-or-nothing' | 'skip-invalid';
  source: string;
  rows: number;
  inserted: number;
  updated: number;
  unchanged: number;
  invalid: number;
  errorCount: number;
  errors: RowError[];
  message: string | null;
  bytesRead: number | null;
  actor: string;
  startedAt: string;
  finishedAt: string | null;
};

type Row = typeof schema.imports.$inferSelect;

export function importView(r: Row): ImportView {
  const live = r.status === 'running' ? liveProgress(r.id) : undefined;
  return {
    id: r.id,
    status: r.status,
    format: r.format,
    mode: r.mode,
    source: r.source,
    rows: live?.rows ?? r.rowsProcessed,
    inserted: live?.inserted ?? r.inserted,
    updated: live?.updated ?? r.updated,
    unchanged: live?.unchanged ?? r.unchanged,
    invalid: live?.invalid ?? r.invalid,
    errorCount: live?.errorCount ?? r.errorCount,
    errors: (r.errors ?? []) as RowError[],
    message: r.message,
    bytesRead: live?.bytesRead ?? r.bytesRead,
    actor: r.actor,
    startedAt: r.startedAt.toISOString(),
    finishedAt: r.finishedAt ? r.finishedAt.toISOString() : null
  };
}
