import { and, eq, isNull } from 'drizzle-orm';
import { schema, type Db, type DbOrTx } from '@attentive/db';
import { DomainError, notFound } from '../../errors.ts';
import { hashSurveyToken, isSurveyTokenShape } from './token.ts';
import { linkItemRows, type LinkItemRow } from './link-rows.ts';

/**
 * What the public survey route runs with: no principal — the token in the path is the respondent's only key,
 * and it opens exactly one survey. The audit trail names the respondent by the link's id.
 */
export type PublicCtx = { db: Db; now?: () => Date; requestId?: string };

export const publicNow = (ctx: PublicCtx) => (ctx.now ? ctx.now() : new Date());

/** Why a link no longer opens: answered (or closed otherwise) or past its time. The page says which. */
export type GoneReason = 'used' | 'expired';
const goneError = (reason: GoneReason) =>
  new DomainError(
    'GONE',
    reason === 'used' ? 'This survey link was already used: a survey is answered once' : 'This survey link has expired',
    [{ path: 'token', message: reason }]
  );

/**
 * The link of a token and its item, if the link still works. A token of the wrong shape or not ours is
 * NOT_FOUND (the same answer, so a guesser learns nothing); a used link, a closed item or an opted-out
 * customer is GONE 'used'; a link past its time is GONE 'expired'.
 */
export async function liveLinkOf(
  tx: DbOrTx,
  token: string,
  now: Date
): Promise<{ link: typeof schema.surveyLinks.$inferSelect; item: LinkItemRow }> {
  const missing = () => notFound('Survey link');
  if (!isSurveyTokenShape(token)) throw missing();
  const [link] = await tx
    .select()
    .from(schema.surveyLinks)
    .where(eq(schema.surveyLinks.tokenHash, hashSurveyToken(token)));
  if (!link) throw missing();
  const [item] = await linkItemRows(tx, link.tenantId, { itemIds: [link.itemId] });
  if (!item) throw missing();
  if (link.usedAt != null || item.status !== 'open' || item.optedOutAt != null) throw goneError('used');
  if (link.expiresAt.getTime() <= now.getTime()) throw goneError('expired');
  return { link, item };
}

/**
 * Uses the link up, inside the answering transaction: of two answers sent at once (two tabs), one gets
 * the link, the other GONE. Rolled back with the transaction when the answer is refused.
 */
export async function useLink(tx: DbOrTx, linkId: number, now: Date) {
  const l = schema.surveyLinks;
  const used = await tx
    .update(l)
    .set({ usedAt: now })
    .where(and(eq(l.id, linkId), isNull(l.usedAt)))
    .returning({ id: l.id });
  if (used.length === 0) throw goneError('used');
}

/** Who answers, for the audit trail: the link, never the token or the customer. */
export const respondent = (linkId: number, requestId?: string) => ({ actor: `respondent:link ${linkId}`, requestId });
