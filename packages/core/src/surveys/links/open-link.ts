import { eq } from 'drizzle-orm';
import { schema } from '@attentive/db';
import type { PublicSurvey } from '@attentive/shared/survey-links';
import { localDate } from '../../sampling/period.ts';
import { liveLinkOf, publicNow, type PublicCtx } from './public-link.ts';

/**
 * The public survey page's content for a token: the brand (the client's name), the call's day, the intro
 * and the questions in both languages (the page starts in the customer's language and can switch), and
 * until when the link works. Nothing else about the call: no agent, no program, no times, no scores.
 * Reading changes nothing: opening the page twice is fine, answering is once.
 */
export async function openSurveyLink({ ctx, token }: { ctx: PublicCtx; token: string }): Promise<PublicSurvey> {
  const now = publicNow(ctx);
  const { link, item } = await liveLinkOf(ctx.db, token, now);
  const [version] = await ctx.db
    .select({ intro: schema.surveyTemplateVersions.intro, questions: schema.surveyTemplateVersions.questions })
    .from(schema.surveyTemplateVersions)
    .where(eq(schema.surveyTemplateVersions.id, item.templateVersionId));
  if (!version) throw new Error(`survey template version ${item.templateVersionId} not found`);
  return {
    brand: item.brand,
    callDay: localDate(item.timeZone, item.callStartedAt),
    language: item.contactLanguage ?? item.defaultLanguage,
    intro: version.intro,
    questions: version.questions.map((q) => ({ id: q.id, kind: q.kind, required: q.required, text: q.text })),
    expiresAt: link.expiresAt.toISOString()
  };
}
