import { and, asc, eq, inArray } from 'drizzle-orm';
import { schema } from '@attentive/db';
import { SurveyResultsQuery } from '@attentive/shared/survey-results';
import { nowOf, type Ctx } from '../../context.ts';
import { forbidden, notFound } from '../../errors.ts';
import { parseInput } from '../../input.ts';
import { canReadSurveyResults, surveyResultClientIds } from '../../policy/surveys.ts';
import { periodOf } from '../../mystery/reachability/report-scope.ts';
import { tenantTimeZone } from '../../settings/tenant-settings.ts';

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
  const p = ctx.principal;
  if (!canReadSurveyResults(p)) throw forbidden('Survey results are for managers, team leads and client auditors');
  const timeZone = await tenantTimeZone(ctx);
  const period = periodOf(f, timeZone, nowOf(ctx));
  const clientIds = surveyResultClientIds(p);
  const pr = schema.programs;
  const programs = await ctx.db
    .select({ id: pr.id, code: pr.code, name: pr.name })
    .from(pr)
    .where(and(eq(pr.tenantId, p.tenantId), clientIds === 'all' ? undefined : inArray(pr.clientId, clientIds)))
    .orderBy(asc(pr.name));
  if (f.programId != null && !programs.some((x) => x.id === f.programId)) throw notFound('Program');
  return {
    tenantId: p.tenantId,
    timeZone,
    period,
    programId: f.programId ?? null,
    programs,
    /** The programs the figures are over. */
    programIds: f.programId != null ? [f.programId] : programs.map((x) => x.id)
  };
}
export type SurveyResultScope = Awaited<ReturnType<typeof surveyResultScope>>;

/** What every result says about what it covers. */
export const scopeFields = (s: SurveyResultScope) => ({
  from: s.period.from,
  to: s.period.to,
  timeZone: s.timeZone,
  programId: s.programId,
  programs: s.programs
});
