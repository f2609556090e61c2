import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { ms } from './columns.ts';

/**
 * Several app processes may share one libSQL server; what must happen once, or be counted once, across all
 * of them lives here, never in a process's memory.
 */

/**
 * Who does a singular task right now (a scheduler tick, the demo seed, sweeping interrupted imports): at most
 * one holder per name until `expires_at`; a holder that dies simply lets it expire.
 */
export const leases = sqliteTable('leases', {
  name: text('name').primaryKey(),
  /** Which process holds it: host, pid and a random part (core/processes/process-id.ts). */
  holder: text('holder').notNull(),
  expiresAt: ms('expires_at').notNull()
});

/** Requests per key in a fixed window (e.g. the public survey routes per client address), counted across processes. */
export const requestWindows = sqliteTable('request_windows', {
  key: text('key').primaryKey(),
  windowStart: ms('window_start').notNull(),
  count: integer('count').notNull()
});
