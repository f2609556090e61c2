import { sql } from 'drizzle-orm';
import type { DbOrTx } from '@attentive/db';

/**
 * Counts one request for `key` in a fixed window of `ms` milliseconds and returns the count so far in that
 * window and when the window started. ONE statement (an upsert that starts a new window when the stored one
 * has ended), so requests counted at the same moment by several processes on one database each see their
 * own number and none is lost, on an embedded file and on a libSQL server alike.
 */
export async function countRequest(db: DbOrTx, key: string, ms: number, now = new Date()): Promise<{ count: number; windowStart: Date }> {
  const t = now.getTime();
  const r = await db.run(sql`
    INSERT INTO request_windows (key, window_start, count) VALUES (${key}, ${t}, 1)
    ON CONFLICT (key) DO UPDATE SET
      window_start = CASE WHEN request_windows.window_start <= ${t - ms} THEN excluded.window_start ELSE request_windows.window_start END,
      count = CASE WHEN request_windows.window_start <= ${t - ms} THEN 1 ELSE request_windows.count + 1 END
    RETURNING count, window_start`);
  const row = r.rows[0]!;
  return { count: Number(row.count), windowStart: new Date(Number(row.window_start)) };
}

/**
 * Deletes the windows that ended before `now` minus `ms` (a key seen once must not stay forever). Cheap with
 * the window start unindexed only because callers run it rarely (see pruneEvery).
 */
export async function pruneRequestWindows(db: DbOrTx, ms: number, now = new Date()): Promise<number> {
  const r = await db.run(sql`DELETE FROM request_windows WHERE window_start <= ${now.getTime() - ms}`);
  return r.rowsAffected;
}
