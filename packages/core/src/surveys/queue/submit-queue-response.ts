import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { schema } from '@attentive/db';
import { SubmitAnswersInput } from '@attentive/shared/survey-queue';
import { nowOf, type Ctx } from '../../context.ts';
import { Id, parseInput } from '../../input.ts';
import { recordSurveyResponse } from '../record-response.ts';
import { loadClaimedItem, requireCaller } from './queue-support.ts';
import { surveyLanguage } from './get-queue-item.ts';

export const SubmitQueueResponseInput = SubmitAnswersInput.extend({ itemId: Id });

/**
 * The customer answered: the answers go to recordSurveyResponse (the one writer of responses, alerts and the
 * completing attempt; it validates each answer and names the question, `answers.<id>`, and audits). Channel
 * phone, this caller, the language the survey was held in.
 */
export async function submitQueueResponse({ ctx, input }: { ctx: Ctx; input: z.input<typeof SubmitQueueResponseInput> }) {
  const me = requireCaller(ctx);
  const data = parseInput(SubmitQueueResponseInput, input);
  const now = nowOf(ctx);
  return ctx.db.transaction(async (tx) => {
    const item = await loadClaimedItem(tx, ctx, data.itemId);
    const [facts] = await tx
      .select({
        templateVersionId: schema.callbackDraws.templateVersionId,
        contactLanguage: schema.customerContacts.language,
        callLanguage: schema.calls.language
      })
      .from(schema.callbackDraws)
      .innerJoin(schema.customerContacts, eq(schema.customerContacts.id, item.contactId))
      .innerJoin(schema.calls, eq(schema.calls.id, item.callId))
      .where(eq(schema.callbackDraws.id, item.drawId));
    const { responseId } = await recordSurveyResponse(tx, {
      item,
      templateVersionId: facts!.templateVersionId,
      answers: data.answers,
      channel: 'phone',
      callerId: me,
      language: data.language ?? surveyLanguage(facts!.contactLanguage, facts!.callLanguage),
      at: now,
      who: { principal: ctx.principal, requestId: ctx.requestId }
    });
    return { itemId: item.id, responseId };
  });
}
