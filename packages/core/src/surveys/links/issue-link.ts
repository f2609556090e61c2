import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { schema, type DbOrTx } from '@attentive/db';
import type { Ctx } from '../../context.ts';
import { nowOf } from '../../context.ts';
import { DomainError, forbidden, notFound } from '../../errors.ts';
import { Id, parseInput } from '../../input.ts';
import { writeAudit } from '../../audit/write-audit.ts';
import { canManageSurveys } from '../../policy/surveys.ts';
import { hashSurveyToken, newSurveyToken, surveyLinkUrl } from './token.ts';
import { linkItemRows, retireLiveLinks, type LinkItemRow } from './link-rows.ts';

const HOUR = 3_600_000;

/** Until when a link issued at `at` works: the plan's linkValidHours. */
export const linkExpiry = (item: Pick<LinkItemRow, 'linkValidHours'>, at: Date) => new Date(at.getTime() + item.linkValidHours * HOUR);

/**
 * Stores a new link for an item inside the caller's transaction and returns its token — the only time the
 * token exists outside the customer's message: only its sha256 is stored. Older live links of the item are
 * retired first (one live link per customer and call). Audited with the link's id, never the token.
 */
export async function storeSurveyLink(
  tx: DbOrTx,
  o: {
    item: Pick<LinkItemRow, 'id' | 'tenantId' | 'linkValidHours'>;
    at: Date;
    sentVia: 'email' | 'sms' | 'manual';
    who: Pick<Ctx, 'principal' | 'requestId'>;
    /** A token made beforehand (an e-mail is sent before its link is stored); else a new one. */
    token?: string;
  }
) {
  const token = o.token ?? newSurveyToken();
  const expiresAt = linkExpiry(o.item, o.at);
  await retireLiveLinks(tx, o.item.id, o.at);
  const [link] = await tx
    .insert(schema.surveyLinks)
    .values({
      tenantId: o.item.tenantId,
      itemId: o.item.id,
      tokenHash: hashSurveyToken(token),
      expiresAt,
      sentVia: o.sentVia,
      sentAt: o.at,
      createdAt: o.at,
      createdBy: o.who.principal.label
    })
    .returning({ id: schema.surveyLinks.id });
  await writeAudit(
    tx,
    o.who,
    {
      action: 'survey_link.issue',
      objectType: 'callback_item',
      objectId: o.item.id,
      after: { linkId: link!.id, sentVia: o.sentVia, expiresAt: expiresAt.toISOString() }
    },
    o.at
  );
  return { linkId: link!.id, token, expiresAt };
}

/** A link item that may get a link now: of this tenant, asked by link, still open, customer not opted out. */
export function requireLinkable(item: LinkItemRow | undefined, itemId: number): LinkItemRow {
  if (!item) throw notFound(`Callback item ${itemId}`);
  if (item.channel !== 'link') throw new DomainError('PRECONDITION_FAILED', `Callback item ${itemId} is asked by phone, not by link`);
  if (item.status !== 'open') throw new DomainError('CONFLICT', `Callback item ${itemId} is closed (${item.status}): no new link`);
  if (item.optedOutAt != null) throw new DomainError('CONFLICT', `The customer of item ${itemId} asked not to be surveyed again`);
  return item;
}

export const IssueLinkInput = z.object({ itemId: Id });

/**
 * A link handed out by hand (to send by SMS, or read out): issued now, valid for the plan's linkValidHours.
 * The token and address are in the answer once; asking again issues a new link and retires this one.
 */
export async function issueSurveyLink({ ctx, input }: { ctx: Ctx; input: z.input<typeof IssueLinkInput> }) {
  if (!canManageSurveys(ctx.principal)) throw forbidden('Only admins and QA analysts issue survey links');
  const { itemId } = parseInput(IssueLinkInput, input);
  if (!ctx.publicUrl) throw new DomainError('PRECONDITION_FAILED', 'The server does not know its public address: set ORIGIN');
  const now = nowOf(ctx);
  return ctx.db.transaction(async (tx) => {
    const [row] = await linkItemRows(tx, ctx.principal.tenantId, { itemIds: [itemId] });
    const item = requireLinkable(row, itemId);
    const { token, expiresAt } = await storeSurveyLink(tx, { item, at: now, sentVia: 'manual', who: ctx });
    return { itemId: item.id, token, url: surveyLinkUrl(ctx.publicUrl!, token), expiresAt: expiresAt.toISOString() };
  });
}

/** Whether an item ever had a link sent (an invitation is sent once; a new link only by hand). */
export async function wasSent(tx: DbOrTx, itemId: number) {
  const rows = await tx.select({ sentAt: schema.surveyLinks.sentAt }).from(schema.surveyLinks).where(eq(schema.surveyLinks.itemId, itemId));
  return rows.some((r) => r.sentAt != null);
}
