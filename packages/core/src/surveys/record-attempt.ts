import { eq } from 'drizzle-orm';
import { schema, type DbOrTx } from '@attentive/db';
import { afterAttempt, type AttemptOutcome } from './item-state.ts';

/**
 * The one writer of an item's attempt count and status: appends the attempt row and moves the item on by the
 * plan's retry rules (item-state.ts). Call it inside the transaction of the verb (a caller's attempt, a
 * completed survey, the demo). A claimed item is released when it closes or waits for its next try.
 */
export async function appendAttempt(
  tx: DbOrTx,
  item: { id: number; tenantId: number; attempts: number; drawId: number },
  attempt: { outcome: AttemptOutcome; callerId: number | null; at: Date; note?: string }
) {
  const [plan] = await tx
    .select({ maxAttempts: schema.callbackPlans.maxAttempts, retryMinutes: schema.callbackPlans.retryMinutes })
    .from(schema.callbackDraws)
    .innerJoin(schema.callbackPlans, eq(schema.callbackPlans.id, schema.callbackDraws.planId))
    .where(eq(schema.callbackDraws.id, item.drawId));
  if (!plan) throw new Error(`callback item ${item.id}: its draw ${item.drawId} has no plan`);
  const next = afterAttempt(item, attempt.outcome, plan, attempt.at);
  const [row] = await tx
    .insert(schema.callbackAttempts)
    .values({
      tenantId: item.tenantId,
      itemId: item.id,
      callerId: attempt.callerId,
      at: attempt.at,
      outcome: attempt.outcome,
      note: attempt.note ?? ''
    })
    .returning({ id: schema.callbackAttempts.id });
  await tx
    .update(schema.callbackItems)
    .set({
      attempts: next.attempts,
      status: next.status,
      lastAttemptAt: attempt.at,
      nextAttemptAt: next.nextAttemptAt,
      closedAt: next.closed ? attempt.at : null,
      claimedBy: null,
      claimedAt: null
    })
    .where(eq(schema.callbackItems.id, item.id));
  return { attemptId: row!.id, ...next };
}
