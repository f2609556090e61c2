import { sql } from 'drizzle-orm';
import { integer, type AnySQLiteColumn, type ReferenceConfig } from 'drizzle-orm/sqlite-core';
import { tenants } from './org.ts';

// The column shapes the tables share, declared once. They build exactly the columns the tables spelled
// out before, so the migrations do not change (`pnpm exec drizzle-kit generate` finds nothing to do).
// Function declarations, not arrow constants: org.ts imports this file and this file imports org.ts
// (for `tenants`), and a hoisted function is usable whichever of the two is loaded first.

/** The row id: an integer primary key (SQLite's rowid). */
export function id() {
  return integer('id').primaryKey();
}

/** A point in time: integer milliseconds since the epoch, like every time in the database. */
export function ms<N extends string>(name: N) {
  return integer(name, { mode: 'timestamp_ms' });
}

/** When the row was inserted, set by the database. */
export function createdAt() {
  return ms('created_at')
    .notNull()
    .default(sql`(unixepoch('subsec') * 1000)`);
}

/** When the row last changed, set by the code that changes it. */
export function updatedAt() {
  return ms('updated_at').notNull();
}

/** A required link to a row of another table, by its id. */
export function ref<N extends string>(name: N, target: () => AnySQLiteColumn, actions?: ReferenceConfig['actions']) {
  return integer(name).notNull().references(target, actions);
}

/** The contact center the row belongs to: every tenant-scoped table has it. */
export function tenantId() {
  return ref('tenant_id', () => tenants.id);
}
