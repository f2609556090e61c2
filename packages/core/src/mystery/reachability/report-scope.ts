import { and, asc, eq, inArray } from 'drizzle-orm';
import { schema } from '@attentive/db';
import { ReachabilityQuery } from '@attentive/shared/mystery-reachability';
import { nowOf, type Ctx } from '../../context.ts';
import { forbidden, invalid, notFound } from '../../errors.ts';
import { parseInput } from '../../input.ts';
import { canReadReachability, reachabilityClientIds } from '../../policy/mystery.ts';
import { customPeriod, lastClosedPeriod, localDate } from '../../sampling/period.ts';
import { tenantTimeZone } from '../../settings/tenant-settings.ts';

/** The longest period one report reads: a year and a day (a leap year's whole year fits). */
const MAX_DAYS = 367;

/**
 * Who asks, about which programs, over which local days: shared by the reachability and scenario-results
 * verbs. Admins, QA analysts and team leads read every program; a client auditor its own clients' programs
 * only — another program does not exist for it (NOT_FOUND, as a foreign tenant's). Without dates: the last
 * full calendar month on the contact center's clock.
 */
export async function reportScope(ctx: Ctx, input: unknown) {
  const f = parseInput(ReachabilityQuery, input);
  if (!canReadReachability(ctx.principal)) throw forbidden('Reachability is for managers, team leads and client auditors');
  return programReportScope(ctx, f, reachabilityClientIds(ctx.principal));
}

/**
 * The scope of a program-level report once the reader is allowed to read such reports at all: the tenant's
 * time zone, the local days (`periodOf`), the programs of the clients the reader may see (`clientIds`, from
 * the report's policy), and the program asked for — NOT_FOUND when it is not among them. Mystery reports and
 * survey results share it, so "which programs may this reader see" is answered one way.
 */
export async function programReportScope(ctx: Ctx, f: ReachabilityQuery, clientIds: 'all' | number[]) {
  const p = ctx.principal;
  const timeZone = await tenantTimeZone(ctx);
  const period = periodOf(f, timeZone, nowOf(ctx));
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

/** What every report says about what it covers (the shared `Scope` of mystery-reachability.ts). */
export const scopeFields = (scope: Awaited<ReturnType<typeof programReportScope>>) => ({
  from: scope.period.from,
  to: scope.period.to,
  timeZone: scope.timeZone,
  programId: scope.programId,
  programs: scope.programs
});

/** The local days of a report (shared with the survey results, which take the same filter). */
export function periodOf(f: ReachabilityQuery, timeZone: string, now: Date) {
  if (f.from == null && f.to == null) {
    const m = lastClosedPeriod('month', now, timeZone);
    return { start: m.start, end: m.end, from: localDate(timeZone, m.start), to: localDate(timeZone, new Date(m.end.getTime() - 1)) };
  }
  if (f.from == null || f.to == null) {
    const missing = f.from == null ? 'from' : 'to';
    throw invalid(`${missing}: give both from and to, or neither (the last full month)`, [
      { path: missing, message: 'Required with the other date' }
    ]);
  }
  if (f.from > f.to) throw invalid('to: must not be before from', [{ path: 'to', message: 'Must not be before from' }]);
  let period;
  try {
    period = customPeriod(f.from, f.to, timeZone);
  } catch (e) {
    const message = (e as Error).message; // "period.from is not a calendar date…"
    const path = message.includes('period.to') ? 'to' : 'from';
    throw invalid(`${path}: ${message}`, [{ path, message }]);
  }
  if ((Date.parse(f.to) - Date.parse(f.from)) / 86_400_000 + 1 > MAX_DAYS)
    throw invalid(`to: a report covers at most ${MAX_DAYS} days`, [{ path: 'to', message: `At most ${MAX_DAYS} days after from` }]);
  return { start: period.start, end: period.end, from: f.from, to: f.to };
}
