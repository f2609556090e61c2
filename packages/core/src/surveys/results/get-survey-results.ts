import { and, eq, gte, inArray, lte } from 'drizzle-orm';
import { schema } from '@attentive/db';
import { CALLBACK_CHANNELS } from '@attentive/shared/surveys';
import type { SurveyResults, SurveyResultsQuery } from '@attentive/shared/survey-results';
import type { Ctx } from '../../context.ts';
import { surveyResultScope, scopeFields } from './scope.ts';
import { cohortItems } from './cohort.ts';
import { surveyMetrics, type ResponseScores } from './metrics.ts';
import { nonResponse } from './non-response.ts';
import { lowAnswerSplit } from './low-answers.ts';
import { weeklyTrend } from './trend.ts';

/**
 * A program's callback survey results over the lists drawn in the period: the metrics with n and interval,
 * non-response overall and per channel, low answers split into agent- and process-attributable, and the
 * weekly trend. Computed at read time from the items and responses (no cached figure to drift).
 */
export async function getSurveyResults({ ctx, input }: { ctx: Ctx; input: SurveyResultsQuery }): Promise<SurveyResults> {
  const scope = await surveyResultScope(ctx, input);
  const { tenantId, programIds, period } = scope;
  const d = schema.callbackDraws;
  const [items, alerts] = await Promise.all([
    cohortItems(ctx.db, { tenantId, programIds, from: period.from, to: period.to }),
    programIds.length === 0
      ? Promise.resolve([])
      : ctx.db
          .select({ reasons: schema.surveyAlerts.reasons })
          .from(schema.surveyAlerts)
          .innerJoin(schema.surveyResponses, eq(schema.surveyResponses.id, schema.surveyAlerts.responseId))
          .innerJoin(schema.callbackItems, eq(schema.callbackItems.id, schema.surveyResponses.itemId))
          .innerJoin(d, eq(d.id, schema.callbackItems.drawId))
          .where(and(eq(d.tenantId, tenantId), inArray(d.programId, programIds), gte(d.day, period.from), lte(d.day, period.to)))
  ]);
  const responses = items.flatMap((i) => (i.response ? [i.response] : [])) as ResponseScores[];
  return {
    ...scopeFields(scope),
    metrics: surveyMetrics(responses),
    nonResponse: nonResponse(items),
    byChannel: CALLBACK_CHANNELS.map((channel) => ({ channel, ...nonResponse(items.filter((i) => i.channel === channel)) })).filter(
      (c) => c.drawn > 0
    ),
    lowAnswers: lowAnswerSplit(
      responses.length,
      alerts.map((a) => a.reasons)
    ),
    trend: weeklyTrend(items)
  };
}
