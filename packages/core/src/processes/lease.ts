import { sql } from 'drizzle-orm';
import type { DbOrTx } from '@attentive/db';
import { PROCESS_ID } from './process-id.ts';

/**
 * Takes lease `name` for `ms` milliseconds when it is free, expired or already held by `holder` (renewing
 * it); true when `holder` holds it now. One statement, so two processes asking at the same moment cannot
 * both get it, on an embedded file and on a libSQL server alike.
 */
export async function acquireLease(db: DbOrTx, name: string, ms: number, now = new Date(), holder = PROCESS_ID): Promise<boolean> {
  const t = now.getTime();
  const r = await db.run(sql`
    INSERT INTO leases (name, holder, expires_at) VALUES (${name}, ${holder}, ${t + ms})
    ON CONFLICT (name) DO UPDATE SET holder = excluded.holder, expires_at = excluded.expires_at
    WHERE leases.expires_at <= ${t} OR leases.holder = excluded.holder`);
  return r.rowsAffected === 1;
}

/** Gives lease `name` back early, if `holder` still holds it. */
export async function releaseLease(db: DbOrTx, name: string, holder = PROCESS_ID): Promise<void> {
  await db.run(sql`DELETE FROM leases WHERE name = ${name} AND holder = ${holder}`);
}
