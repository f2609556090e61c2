import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { schema } from '@attentive/db';
import type { InvitationResult } from '@attentive/shared/survey-links';
import type { Ctx } from '../../context.ts';
import { nowOf } from '../../context.ts';
import { DomainError, forbidden, notFound } from '../../errors.ts';
import { Id, parseInput } from '../../input.ts';
import { canManageSurveys } from '../../policy/surveys.ts';
import { localDate } from '../../sampling/period.ts';
import { invitationMail } from './invitation-mail.ts';
import { linkItemRows, newestLinks } from './link-rows.ts';
import { linkExpiry, storeSurveyLink } from './issue-link.ts';
import { newSurveyToken, surveyLinkUrl } from './token.ts';

export const SendInvitationsInput = z.object({ drawId: Id });

/**
 * Sends the survey invitation by e-mail to every customer of a link draw who has not had one: a new link
 * each, in the customer's language. An item without an e-mail address (none given, erased, or opted out)
 * stays "not sent"; an item sent before is not sent again (one invitation per customer and call); a closed
 * item is skipped. Each invitation is mailed first and its link stored after, in a transaction of its own: a link is
 * marked sent only when the mail server accepted the message. When the server refuses, sending stops
 * with an error that says so and how many went out before; running it again sends the rest.
 */
export async function sendSurveyInvitations({
  ctx,
  input
}: {
  ctx: Ctx;
  input: z.input<typeof SendInvitationsInput>;
}): Promise<InvitationResult> {
  if (!canManageSurveys(ctx.principal)) throw forbidden('Only admins and QA analysts send survey invitations');
  const { drawId } = parseInput(SendInvitationsInput, input);
  const tenantId = ctx.principal.tenantId;
  const [draw] = await ctx.db
    .select({ id: schema.callbackDraws.id, channel: schema.callbackPlans.channel })
    .from(schema.callbackDraws)
    .innerJoin(schema.callbackPlans, eq(schema.callbackPlans.id, schema.callbackDraws.planId))
    .where(and(eq(schema.callbackDraws.id, drawId), eq(schema.callbackDraws.tenantId, tenantId)));
  if (!draw) throw notFound(`Callback draw ${drawId}`);
  if (!ctx.mailer)
    throw new DomainError(
      'PRECONDITION_FAILED',
      'E-mail is not configured on this server: set SMTP_URL (and MAIL_FROM) to send invitations'
    );
  if (!ctx.contactCipher) throw new DomainError('PRECONDITION_FAILED', 'Customer contact details cannot be read: set CONTACT_DATA_KEY');
  if (!ctx.publicUrl) throw new DomainError('PRECONDITION_FAILED', 'The server does not know its public address: set ORIGIN');

  const items = (await linkItemRows(ctx.db, tenantId, { drawId })).filter((i) => i.channel === 'link');
  const links = await newestLinks(
    ctx.db,
    items.map((i) => i.id)
  );
  const result: InvitationResult = { sent: 0, noEmail: 0, alreadySent: 0, closed: 0 };
  for (const item of items) {
    if (item.status !== 'open') {
      result.closed++;
      continue;
    }
    if (links.get(item.id)?.sentAt != null) {
      result.alreadySent++;
      continue;
    }
    if (!item.emailCipher || item.erasedAt != null || item.optedOutAt != null) {
      result.noEmail++;
      continue;
    }
    const now = nowOf(ctx);
    const to = ctx.contactCipher.decrypt(item.emailCipher);
    const language = item.contactLanguage ?? item.defaultLanguage;
    // The token exists only here and in the mail. Mailed first, stored after (no write transaction held open
    // while a remote mail server answers): a link is marked sent only when the server took the message.
    const token = newSurveyToken();
    const mail = invitationMail({
      to,
      language,
      brand: item.brand,
      callDay: localDate(item.timeZone, item.callStartedAt),
      url: surveyLinkUrl(ctx.publicUrl, token),
      expiresDay: localDate(item.timeZone, linkExpiry(item, now))
    });
    try {
      await ctx.mailer.send(mail);
    } catch (e) {
      const reason = e instanceof Error ? (e.message.split('\n')[0] ?? '') : 'unknown error';
      throw new DomainError(
        'PRECONDITION_FAILED',
        `The mail server did not accept the invitation for item ${item.id} (${reason}); ${result.sent} invitation(s) were sent before it, the rest were not. Check SMTP_URL and send again: only the unsent ones go.`
      );
    }
    await ctx.db.transaction((tx) => storeSurveyLink(tx, { item, at: now, sentVia: 'email', who: ctx, token }));
    result.sent++;
  }
  return result;
}
