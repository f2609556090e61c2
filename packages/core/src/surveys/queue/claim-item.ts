import { and, asc, eq, lte } from 'drizzle-orm';
import { z } from 'zod';
import { schema, type DbOrTx } from '@attentive/db';
import { nowOf, type Ctx } from '../../context.ts';
import { writeAudit } from '../../audit/write-audit.ts';
import { conflict, notFound } from '../../errors.ts';
import { Id, parseInput } from '../../input.ts';
import { dueConditions, requireCaller, unclaimedOrStale } from './queue-support.ts';

export const ClaimItemInput = z.object({ itemId: Id.optional() });

const items = schema.callbackItems;
const contacts = schema.customerContacts;
/** How many due items a "next customer" tries when others keep winning the race for them. */
const TRIES = 5;

/**
 * Takes an item to work: a given one, or the next due one (oldest draw first, rank order). A caller that
 * already holds an open item gets that one back — one customer at a time. The claim is one conditional
 * UPDATE (still open, still free or stale): of two callers pressing at once one wins; for a given item the
 * other gets CONFLICT, for "next" it gets the next item. Audited: a claim opens the customer's phone number.
 */
export async function claimSurveyItem({ ctx, input }: { ctx: Ctx; input: z.input<typeof ClaimItemInput> }) {
  const me = requireCaller(ctx);
  const { itemId } = parseInput(ClaimItemInput, input);
  const tenantId = ctx.principal.tenantId;
  const now = nowOf(ctx);
  return ctx.db.transaction(async (tx) => {
    const [held] = await tx
      .select({ id: items.id })
      .from(items)
      .where(and(eq(items.tenantId, tenantId), eq(items.status, 'open'), eq(items.claimedBy, me)))
      .limit(1);
    if (itemId == null) {
      if (held) return { itemId: held.id };
      const due = await tx
        .select({ id: items.id })
        .from(items)
        .innerJoin(contacts, eq(contacts.id, items.contactId))
        .innerJoin(schema.callbackDraws, eq(schema.callbackDraws.id, items.drawId))
        .where(and(...dueConditions(tenantId, now)))
        .orderBy(asc(schema.callbackDraws.day), asc(items.rank))
        .limit(TRIES);
      for (const d of due) if (await take(tx, ctx, d.id, me, now)) return { itemId: d.id };
      return { itemId: null };
    }
    if (held?.id === itemId) return { itemId };
    if (held) throw conflict(`You are working callback item ${held.id}: finish or release it first`);
    const [row] = await tx
      .select({ id: items.id, status: items.status, channel: items.channel })
      .from(items)
      .where(and(eq(items.id, itemId), eq(items.tenantId, tenantId)));
    if (!row || row.channel !== 'phone') throw notFound(`Callback item ${itemId}`);
    if (!(await take(tx, ctx, itemId, me, now)))
      throw conflict(`Callback item ${itemId} is not due: another caller has it, it is closed, or its next try is later`);
    return { itemId };
  });
}

/**
 * The one conditional claim: true when this caller got the item. The due check (which needs the contact)
 * and the compare-and-set run in the same write transaction; the UPDATE repeats the item's own conditions
 * so that, whatever the transaction mode, a claim another caller made in between is never overwritten.
 */
async function take(tx: DbOrTx, ctx: Ctx, itemId: number, me: number, now: Date) {
  const [due] = await tx
    .select({ claimedBy: items.claimedBy })
    .from(items)
    .innerJoin(contacts, eq(contacts.id, items.contactId))
    .where(and(eq(items.id, itemId), ...dueConditions(ctx.principal.tenantId, now)));
  if (!due) return false;
  const won = await tx
    .update(items)
    .set({ claimedBy: me, claimedAt: now })
    .where(and(eq(items.id, itemId), eq(items.status, 'open'), unclaimedOrStale(now), lte(items.nextAttemptAt, now)))
    .returning({ id: items.id });
  if (won.length === 0) return false;
  // The audit names the caller and whose stale claim it took over, never the customer's details.
  await writeAudit(
    tx,
    ctx,
    {
      action: 'callback_item.claim',
      objectType: 'callback_item',
      objectId: itemId,
      after: { claimedBy: me, takenOverFrom: due.claimedBy }
    },
    now
  );
  return true;
}
