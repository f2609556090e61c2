import { and, eq, gt } from 'drizzle-orm';
import { schema, type Db } from '@attentive/db';
import { acquireLease, releaseLease } from './lease.ts';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Runs `task` in the one process (of all sharing the database) that takes lease `name`; every other caller
 * waits until that holder has released the lease (or died and let it expire), then takes its turn, so `task`
 * must itself see that its work is done (e.g. "seed only an empty database"). Returns what `task` returned.
 *
 * The waiting is done with reads only: a libSQL server rolls back a transaction that has held the write lock
 * for 5 s while another connection waits to write, and the holder's task may be one long transaction (the
 * demo seed), so polling with acquireLease (a write) would break the very work it waits for.
 */
export async function runOnceAcrossProcesses<T>(
  db: Db,
  name: string,
  ms: number,
  task: () => Promise<T>,
  { pollMs = 250 }: { pollMs?: number } = {}
): Promise<T> {
  for (;;) {
    if (await acquireLease(db, name, ms)) {
      try {
        return await task();
      } finally {
        await releaseLease(db, name);
      }
    }
    while (await leaseHeld(db, name)) await sleep(pollMs);
  }
}

/** Whether somebody holds lease `name` now (a read). */
export async function leaseHeld(db: Db, name: string, now = new Date()): Promise<boolean> {
  const rows = await db
    .select({ name: schema.leases.name })
    .from(schema.leases)
    .where(and(eq(schema.leases.name, name), gt(schema.leases.expiresAt, now)));
  return rows.length > 0;
}
