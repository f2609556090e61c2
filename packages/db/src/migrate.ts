import { fileURLToPath } from 'node:url';
import { migrate as drizzleMigrate } from 'drizzle-orm/libsql/migrator';
import type { Db } from './client.ts';

export const migrationsFolder = fileURLToPath(new URL('../migrations', import.meta.url));

/** The newest migration the database has applied (drizzle's own table), or null before the first. */
async function lastApplied(db: Db): Promise<number | null> {
  try {
    const r = await db.$client.execute('SELECT max(created_at) AS last FROM __drizzle_migrations');
    return r.rows[0]?.last == null ? null : Number(r.rows[0].last);
  } catch {
    return null; // no table yet
  }
}

/**
 * Applies the committed drizzle-kit migrations that the database has not seen yet.
 *
 * Several app processes may start at the same moment on one fresh libSQL server. Drizzle reads the last
 * applied migration, then applies the rest in one atomic batch; two processes can both read "none", and the
 * second batch then fails (a table already exists) and rolls back whole. So a failure after which the
 * database HAS advanced means another process migrated meanwhile: try again, which finds the migrations
 * applied (or applies what is still missing). A failure with no progress is a real one and is thrown. A lease
 * cannot do this job: the leases table is itself made by a migration.
 */
export async function migrate(db: Db) {
  for (let attempt = 1; ; attempt++) {
    const before = await lastApplied(db);
    try {
      await drizzleMigrate(db, { migrationsFolder });
      return;
    } catch (e) {
      if (attempt >= 5 || (await lastApplied(db)) === before) throw e;
    }
  }
}
