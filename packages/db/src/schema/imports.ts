import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { ms, tenantId } from './columns.ts';

/**
 * One run of a bulk import (CSV upload or JSON batch): who started it, how far it got, what was wrong.
 * Written when the import starts and when it ends (and at every committed chunk in skip-invalid mode),
 * so the UI can poll it; live counts of a running import come from the process that runs it.
 */
export const imports = sqliteTable(
  'imports',
  {
    /** A UUID; the uploader may choose it up front so it can poll progress while uploading. */
    id: text('id').primaryKey(),
    tenantId: tenantId(),
    /** What is imported: 'calls' for now. */
    kind: text('kind').notNull(),
    format: text('format', { enum: ['csv', 'json'] }).notNull(),
    mode: text('mode', { enum: ['all-or-nothing', 'skip-invalid'] }).notNull(),
    /** The default source for rows that name none. */
    source: text('source').notNull(),
    /** running → completed | rejected (all-or-nothing with bad rows: nothing stored) | failed (stopped midway). */
    status: text('status', { enum: ['running', 'completed', 'rejected', 'failed'] }).notNull(),
    rowsProcessed: integer('rows_processed').notNull().default(0),
    inserted: integer('inserted').notNull().default(0),
    updated: integer('updated').notNull().default(0),
    unchanged: integer('unchanged').notNull().default(0),
    invalid: integer('invalid').notNull().default(0),
    errorCount: integer('error_count').notNull().default(0),
    /** JSON: the first errors, [{ line?, index?, column, reason }]. */
    errors: text('errors', { mode: 'json' }).notNull().$type<unknown[]>(),
    /** Why a failed or rejected import stopped, readable. */
    message: text('message'),
    bytesRead: integer('bytes_read'),
    /** The process running it (core/processes/process-id.ts) and when it last said it is alive: another
     *  process recognises an import whose heartbeat stopped as interrupted. */
    holder: text('holder'),
    heartbeatAt: ms('heartbeat_at'),
    actor: text('actor').notNull(),
    actorUserId: text('actor_user_id'),
    startedAt: ms('started_at').notNull(),
    finishedAt: ms('finished_at')
  },
  (t) => [index('imports_tenant_started').on(t.tenantId, t.startedAt)]
);
