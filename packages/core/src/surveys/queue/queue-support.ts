import { and, eq, isNotNull, isNull, lt, lte, or, type SQL } from 'drizzle-orm';
import { schema, type DbOrTx } from '@attentive/db';
import { CLAIM_STALE_MINUTES } from '@attentive/shared/survey-queue';
import type { Ctx } from '../../context.ts';
import { forbidden, notFound } from '../../errors.ts';
import { canWorkCallbackItem, isSurveyCaller } from '../../policy/surveys.ts';

const items = schema.callbackItems;
const contacts = schema.customerContacts;

/** Every queue verb is for survey callers only (policy/surveys.ts); returns the caller's person id. */
export function requireCaller(ctx: Ctx): number {
  if (!isSurveyCaller(ctx.principal)) throw forbidden('Only survey callers work the callback queue');
  return ctx.principal.personId!;
}

/** When a claim made before this instant may be taken over. */
export const staleBefore = (now: Date) => new Date(now.getTime() - CLAIM_STALE_MINUTES * 60_000);

/**
 * An item a caller may be given: open, by phone, in the tenant, and a customer who may be called (not opted
 * out, details not erased, a phone number on file). Used by the queue, its counts and the claim, so the
 * three never disagree.
 */
export function callableConditions(tenantId: number): SQL[] {
  return [
    eq(items.tenantId, tenantId),
    eq(items.status, 'open'),
    eq(items.channel, 'phone'),
    isNull(contacts.optedOutAt),
    isNull(contacts.erasedAt),
    isNotNull(contacts.phoneCipher)
  ];
}

/** Free for anyone: never claimed, or its claim went stale. */
export const unclaimedOrStale = (now: Date) => or(isNull(items.claimedBy), lt(items.claimedAt, staleBefore(now)))!;

/** Due now: callable, free, and its retry spacing has passed. */
export const dueConditions = (tenantId: number, now: Date): SQL[] => [
  ...callableConditions(tenantId),
  unclaimedOrStale(now),
  lte(items.nextAttemptAt, now)
];

/**
 * The item the caller works, for a write or the script: NOT_FOUND unless it holds the claim (another
 * caller's item does not exist for it, policy canWorkCallbackItem), CONFLICT-free because a closed item has
 * no claim any more.
 */
export async function loadClaimedItem(tx: DbOrTx, ctx: Ctx, itemId: number) {
  const [row] = await tx
    .select()
    .from(items)
    .where(and(eq(items.id, itemId), eq(items.tenantId, ctx.principal.tenantId)));
  if (!row || row.status !== 'open' || !canWorkCallbackItem(ctx.principal, row)) throw notFound(`Callback item ${itemId}`);
  return row;
}
