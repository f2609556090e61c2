import { optOutContact } from '../contacts/opt-out.ts';
import { appendAttempt } from '../record-attempt.ts';
import { liveLinkOf, publicNow, respondent, useLink, type PublicCtx } from './public-link.ts';

/**
 * "Don't ask me again" on the public page: the customer is opted out by the one writer of opt-outs (every
 * later draw leaves them out, their other open items close), this item closes as declined through the one
 * writer of attempts, and the link is used up — one transaction. A second press is GONE like a second answer.
 */
export async function optOutThroughLink({ ctx, token }: { ctx: PublicCtx; token: string }) {
  const now = publicNow(ctx);
  return ctx.db.transaction(async (tx) => {
    const { link, item } = await liveLinkOf(tx, token, now);
    await useLink(tx, link.id, now);
    const who = respondent(link.id, ctx.requestId);
    await optOutContact(tx, { tenantId: item.tenantId, contactId: item.contactId, at: now, exceptItemId: item.id, who });
    await appendAttempt(tx, item, { outcome: 'declined', callerId: null, at: now, note: 'opted out through the survey link' });
    return { optedOut: true as const };
  });
}
