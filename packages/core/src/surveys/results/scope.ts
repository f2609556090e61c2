import { SurveyResultsQuery } from '@attentive/shared/survey-results';
import type { Ctx } from '../../context.ts';
import { forbidden } from '../../errors.ts';
import { parseInput } from '../../input.ts';
import { canReadSurveyResults, surveyResultClientIds } from '../../policy/surveys.ts';
import { programReportScope } from '../../mystery/reachability/report-scope.ts';

/**
 * Who asks, about which programs, over which local days: shared by the survey result verbs. Admins, QA
 * analysts and team leads read every program; a client auditor its own clients' programs only — another
 * program does not exist for it (NOT_FOUND, as a foreign tenant's). The days are those of the mystery
 * reports (default: the last full month; at most a year and a day). A callback item belongs to the day its
 * list was drawn (callback_draws.day, already a local day), so one period's items, attempts and responses
 * are one cohort: the response rate of a period is what came back of the lists drawn in it.
 */
export async function surveyResultScope(ctx: Ctx, input: unknown) {
  const f = parseInput(SurveyResultsQuery, input);
  if (!canReadSurveyResults(ctx.principal)) throw forbidden('Survey results are for managers, team leads and client auditors');
  return programReportScope(ctx, f, surveyResultClientIds(ctx.principal));
}
export type SurveyResultScope = Awaited<ReturnType<typeof surveyResultScope>>;

/** What every result says about what it covers: the same fields as the mystery reports. */
export { scopeFields } from '../../mystery/reachability/report-scope.ts';
