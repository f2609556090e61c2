import { z } from 'zod';
import { PublicSurveyAnswer } from '@attentive/shared/survey-links';
import { parseInput } from '../../input.ts';
import { recordSurveyResponse } from '../record-response.ts';
import { liveLinkOf, publicNow, respondent, useLink, type PublicCtx } from './public-link.ts';

/**
 * The customer's answers through a link: stored by the one writer of responses (recordSurveyResponse, channel
 * 'link', no caller — it also closes the item and raises a low-score alert), and the link used up, in one
 * transaction. Bad answers are a VALIDATION error naming each question (answers.<question id>) and leave the
 * link working; a second answer is GONE.
 */
export async function answerSurveyLink({
  ctx,
  token,
  input
}: {
  ctx: PublicCtx;
  token: string;
  input: z.input<typeof PublicSurveyAnswer>;
}) {
  const now = publicNow(ctx);
  const data = parseInput(PublicSurveyAnswer, input);
  return ctx.db.transaction(async (tx) => {
    const { link, item } = await liveLinkOf(tx, token, now);
    await useLink(tx, link.id, now);
    await recordSurveyResponse(tx, {
      item,
      templateVersionId: item.templateVersionId,
      answers: data.answers,
      channel: 'link',
      callerId: null,
      language: data.language,
      at: now,
      who: respondent(link.id, ctx.requestId)
    });
    return { answered: true as const };
  });
}
