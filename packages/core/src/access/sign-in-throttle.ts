import { eq } from 'drizzle-orm';
import { schema, type Db } from '@attentive/db';
import { writeAudit } from '../audit/write-audit.ts';

/**
 * Failed sign-ins per e-mail address, kept in the database so a restart does not reset them.
 * MAX_FAILURES within WINDOW_MS lock the address for LOCK_MS, whatever the password tried next.
 */
export const SIGN_IN_LIMITS = { MAX_FAILURES: 5, WINDOW_MS: 15 * 60_000, LOCK_MS: 15 * 60_000 } as const;

export const normaliseEmail = (email: string) => email.trim().toLowerCase();

/** When the address is locked, the time the lock ends; otherwise null. */
export async function lockedUntil(db: Db, email: string, now: Date): Promise<Date | null> {
  const [row] = await db
    .select()
    .from(schema.signInThrottle)
    .where(eq(schema.signInThrottle.email, normaliseEmail(email)));
  return row?.lockedUntil && row.lockedUntil > now ? row.lockedUntil : null;
}

/** Counts one failed sign-in (and audits it) in one transaction; returns whether the address is now locked. */
export async function recordFailedSignIn(
  db: Db,
  input: { email: string; reason: 'bad_credentials' | 'locked'; requestId?: string; tenantId?: number | null },
  now: Date
): Promise<{ locked: boolean; failures: number }> {
  const email = normaliseEmail(input.email).slice(0, 320);
  return db.transaction(async (tx) => {
    const [row] = await tx.select().from(schema.signInThrottle).where(eq(schema.signInThrottle.email, email));
    let failures = 1;
    let windowStart = now;
    let until: Date | null = row?.lockedUntil ?? null;
    if (input.reason === 'bad_credentials') {
      if (row && now.getTime() - row.windowStart.getTime() < SIGN_IN_LIMITS.WINDOW_MS) {
        failures = row.failures + 1;
        windowStart = row.windowStart;
      }
      if (failures >= SIGN_IN_LIMITS.MAX_FAILURES) until = new Date(now.getTime() + SIGN_IN_LIMITS.LOCK_MS);
      await tx
        .insert(schema.signInThrottle)
        .values({ email, failures, windowStart, lockedUntil: until })
        .onConflictDoUpdate({ target: schema.signInThrottle.email, set: { failures, windowStart, lockedUntil: until } });
    } else {
      failures = row?.failures ?? 0;
    }
    const locked = !!until && until > now;
    await writeAudit(
      tx,
      { actor: 'anonymous', tenantId: input.tenantId ?? null, requestId: input.requestId },
      { action: 'auth.sign_in_failed', objectType: 'account', objectId: email, after: { reason: input.reason, failures, locked } },
      now
    );
    return { locked, failures };
  });
}

/** A successful sign-in clears the failures of the address and is audited. */
export async function recordSignIn(
  db: Db,
  input: { email: string; userId: string; tenantId: number | null; requestId?: string },
  now: Date
) {
  const email = normaliseEmail(input.email);
  await db.transaction(async (tx) => {
    await tx.delete(schema.signInThrottle).where(eq(schema.signInThrottle.email, email));
    await writeAudit(
      tx,
      { actor: `user:${email}`, tenantId: input.tenantId, requestId: input.requestId },
      { action: 'auth.sign_in', objectType: 'user', objectId: input.userId },
      now
    );
  });
}
