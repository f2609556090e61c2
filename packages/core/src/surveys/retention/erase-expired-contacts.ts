import { Cron } from 'croner';
import { and, eq, exists, gt, inArray, isNotNull, isNull, lte, notExists, or, sql } from 'drizzle-orm';
import { schema, type Db, type DbOrTx } from '@attentive/db';
import { writeAudit } from '../../audit/write-audit.ts';
import { systemPrincipal } from '../../policy/principal.ts';

/**
 * Retention of customer contact details: once a contact's `eraseAfter` has passed, its phone number and
 * e-mail address are erased (the sealed values set to null, `erasedAt` set) and its callback items still
 * open are closed as expired — nobody can call them any more. The row itself stays: the pseudonym and an
 * opt-out must outlive the details, so an opted-out customer is never asked again. One transaction per
 * tenant, audited with the contact ids (never the details). Safe to run twice or from two processes.
 */
export async function eraseExpiredContacts({
  db,
  now = new Date()
}: {
  db: Db;
  now?: Date;
}): Promise<{ tenantId: number; erased: number }[]> {
  const c = schema.customerContacts;
  const due = await db
    .select({ id: c.id, tenantId: c.tenantId })
    .from(c)
    .where(and(isNull(c.erasedAt), lte(c.eraseAfter, now)));
  const byTenant = new Map<number, number[]>();
  for (const r of due) byTenant.set(r.tenantId, [...(byTenant.get(r.tenantId) ?? []), r.id]);
  const out: { tenantId: number; erased: number }[] = [];
  for (const [tenantId, due] of byTenant) {
    // Only the contacts this transaction erased are audited: another process running the job at the same
    // moment read the same due list, and whichever erases a contact first is the one that reports it.
    const ids = await db.transaction(async (tx) => {
      const erased: number[] = [];
      for (let i = 0; i < due.length; i += 500) {
        const chunk = due.slice(i, i + 500);
        const done = await tx
          .update(c)
          .set({ phoneCipher: null, emailCipher: null, erasedAt: now, updatedAt: now })
          .where(and(inArray(c.id, chunk), isNull(c.erasedAt)))
          .returning({ id: c.id });
        erased.push(...done.map((r) => r.id));
        await tx
          .update(schema.callbackItems)
          .set({ status: 'expired', closedAt: now, claimedBy: null, claimedAt: null })
          .where(and(inArray(schema.callbackItems.contactId, chunk), eq(schema.callbackItems.status, 'open')));
      }
      if (erased.length)
        await writeAudit(
          tx,
          { principal: systemPrincipal(tenantId, 'retention'), tenantId },
          { action: 'customer_contacts.erase', objectType: 'customer_contact', after: { count: erased.length, contactIds: erased } },
          now
        );
      return erased;
    });
    if (ids.length) out.push({ tenantId, erased: ids.length });
  }
  return out;
}

/**
 * Items asked by link whose every link has expired unanswered close as expired (the one writer of that
 * transition; the hourly job and the demo call it). Returns how many closed.
 */
export async function closeExpiredLinkItems(db: DbOrTx, now: Date): Promise<number> {
  const i = schema.callbackItems;
  const l = schema.surveyLinks;
  const stillValid = db
    .select({ one: sql`1` })
    .from(l)
    .where(and(eq(l.itemId, i.id), or(gt(l.expiresAt, now), isNotNull(l.usedAt))));
  const anyLink = db
    .select({ one: sql`1` })
    .from(l)
    .where(eq(l.itemId, i.id));
  const closed = await db
    .update(i)
    .set({ status: 'expired', closedAt: now, claimedBy: null, claimedAt: null })
    .where(and(eq(i.channel, 'link'), eq(i.status, 'open'), exists(anyLink), notExists(stillValid)))
    .returning({ id: i.id });
  return closed.length;
}

export type RetentionJob = { stop: () => void; ready: Promise<unknown> };

/** Erases due contact details and closes expired link items at start-up and then every hour (at minute 23). */
export function startRetentionJob({ db, log }: { db: Db; log: (level: 'info' | 'error', message: string) => void }): RetentionJob {
  const run = () =>
    eraseExpiredContacts({ db })
      .then(async (r) => {
        for (const t of r) log('info', `retention: erased the contact details of ${t.erased} customer(s) of tenant ${t.tenantId}`);
        const expired = await closeExpiredLinkItems(db, new Date());
        if (expired) log('info', `surveys: ${expired} survey link(s) expired unanswered`);
      })
      .catch((e) => log('error', `retention: erasing contact details failed: ${String(e)}`));
  const ready = run();
  // unref: a stopping server (SIGTERM) must not be kept alive by the next hourly run, like the other jobs
  const cron = new Cron('23 * * * *', { protect: true, unref: true, name: 'retention' }, run);
  return { stop: () => cron.stop(), ready };
}
