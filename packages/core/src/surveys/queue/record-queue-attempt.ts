import { z } from 'zod';
import { RecordAttemptInput } from '@attentive/shared/survey-queue';
import { nowOf, type Ctx } from '../../context.ts';
import { writeAudit } from '../../audit/write-audit.ts';
import { invalid } from '../../errors.ts';
import { Id, parseInput } from '../../input.ts';
import { appendAttempt } from '../record-attempt.ts';
import { optOutContact } from '../contacts/opt-out.ts';
import { loadClaimedItem, requireCaller } from './queue-support.ts';

export const RecordQueueAttemptInput = RecordAttemptInput.extend({ itemId: Id });

/**
 * A try that did not end in a survey: no answer or voicemail (open again after the plan's spacing, until its
 * attempts are used: unreachable), a wrong number or a refusal (closed). A refusal may carry the customer's
 * "never ask me again" (optOutContact). The attempt and status go through appendAttempt, which also ends the
 * caller's claim; one transaction, audited by item id and outcome — the note and contact details stay out.
 */
export async function recordQueueAttempt({ ctx, input }: { ctx: Ctx; input: z.input<typeof RecordQueueAttemptInput> }) {
  const me = requireCaller(ctx);
  const data = parseInput(RecordQueueAttemptInput, input);
  if (data.optOut && data.outcome !== 'declined')
    throw invalid('Only a customer who declines can opt out', [{ path: 'optOut', message: 'only with outcome declined' }]);
  const now = nowOf(ctx);
  return ctx.db.transaction(async (tx) => {
    const item = await loadClaimedItem(tx, ctx, data.itemId);
    const next = await appendAttempt(tx, item, { outcome: data.outcome, callerId: me, at: now, note: data.note });
    if (data.optOut)
      await optOutContact(tx, {
        tenantId: item.tenantId,
        contactId: item.contactId,
        at: now,
        exceptItemId: item.id,
        who: { principal: ctx.principal, requestId: ctx.requestId }
      });
    await writeAudit(
      tx,
      ctx,
      {
        action: 'callback_item.attempt',
        objectType: 'callback_item',
        objectId: item.id,
        before: { status: item.status, attempts: item.attempts },
        after: { attemptId: next.attemptId, outcome: data.outcome, status: next.status, attempts: next.attempts, optOut: data.optOut }
      },
      now
    );
    return {
      itemId: item.id,
      status: next.status,
      attempts: next.attempts,
      nextAttemptAt: next.closed ? null : next.nextAttemptAt.toISOString(),
      closed: next.closed
    };
  });
}
