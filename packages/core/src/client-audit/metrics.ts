import { and, eq, gte, inArray, lt, sql } from 'drizzle-orm';
import { schema, type DbOrTx } from '@attentive/db';
import type { Estimate } from '@attentive/shared/contract';
import { CLIENT_METRICS, type ClientMetricId, type MetricValues, type Month } from '@attentive/shared/client-metrics';
import { tIntervalFromMoments, wilsonInterval } from '../stats/intervals.ts';
import { zonedMidnight } from '../sampling/period.ts';
import { COUNTING_KINDS } from '../evaluations/kinds.ts';
import { cohortItems } from '../surveys/results/cohort.ts';
import { surveyMetrics, type ResponseScores } from '../surveys/results/metrics.ts';
import { answerSeconds } from '../mystery/reachability/reachability-figures.ts';
import { DEFAULT_TARGET_SECONDS } from '../mystery/reachability/plan-target.ts';

/**
 * THE measurement of the client audit: every figure the portal, the contract report, its PDF and CSV show,
 * per calendar month on the contact center's clock, for a set of programs. One function, so the portal's
 * month and the report's month can never disagree (docs/client-audit.md, "Where the figures come from").
 *
 * - QA scores and critical-error rates: submitted evaluations of the kinds that count toward the agent
 *   (kinds.ts), by submission time; t interval (scores, 0–100) and Wilson interval ×100 (rates).
 * - Mystery calls: by dialling time; service level = answered by a person within the plans' target seconds
 *   over all calls; right-answer rate over answered calls where the shopper recorded it.
 * - Callback surveys: the lists drawn on the month's days; the survey module's own metrics (surveys/results).
 *
 * The caller decides which programs the reader may see; this function only measures.
 */
export type MetricScope = { tenantId: number; programIds: number[]; timeZone: string };

/** A month as an instant range [start, end) and its first and last local day. */
export type MonthSpan = { month: Month; start: Date; end: Date; fromDay: string; toDay: string };

export function monthSpan(month: Month, timeZone: string): MonthSpan {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const next = m === 12 ? { y: y + 1, m: 1 } : { y, m: m + 1 };
  const lastDay = new Date(Date.UTC(next.y, next.m - 1, 1) - 86_400_000).getUTCDate();
  return {
    month,
    start: zonedMidnight(timeZone, y, m, 1),
    end: zonedMidnight(timeZone, next.y, next.m, 1),
    fromDay: `${month}-01`,
    toDay: `${month}-${String(lastDay).padStart(2, '0')}`
  };
}

/** The `count` months ending with `last`, oldest first. */
export function monthsEnding(last: Month, count: number): Month[] {
  const [y, m] = last.split('-').map(Number) as [number, number];
  const out: Month[] = [];
  for (let i = count - 1; i >= 0; i--) {
    const t = y * 12 + (m - 1) - i;
    out.push(`${Math.floor(t / 12)}-${String((t % 12) + 1).padStart(2, '0')}`);
  }
  return out;
}

const EMPTY: Estimate = { n: 0, estimate: null, low: null, high: null };
const scaled = (e: Estimate, k: number): Estimate => ({
  n: e.n,
  estimate: e.estimate == null ? null : e.estimate * k,
  low: e.low == null ? null : e.low * k,
  high: e.high == null ? null : e.high * k
});
const percent = (yes: number, n: number) => scaled(wilsonInterval(yes, n), 100);
const meanOf = (n: number, mean: number | null, sumsq: number | null) =>
  tIntervalFromMoments(
    { n, mean: Number(mean ?? 0), m2: Math.max(0, Number(sumsq ?? 0) - n * Number(mean ?? 0) ** 2) },
    { bounds: [0, 100] }
  );

function emptyValues(): MetricValues {
  return Object.fromEntries(CLIENT_METRICS.map((id) => [id, EMPTY])) as MetricValues;
}

/** `case when start1 <= t and t < end1 then 0 … end`: the month index of an instant column (null between months). */
function bucketOf(column: unknown, spans: MonthSpan[]) {
  return sql`case ${sql.join(
    spans.map((s, i) => sql`when ${column} >= ${s.start.getTime()} and ${column} < ${s.end.getTime()} then ${i}`),
    sql` `
  )} end`;
}

async function evaluationFigures(db: DbOrTx, scope: MetricScope, spans: MonthSpan[], out: MetricValues[]) {
  const e = schema.evaluations;
  const moments = (col: unknown) =>
    [sql<number>`count(${col})`, sql<number | null>`avg(${col})`, sql<number | null>`sum(${col} * ${col})`] as const;
  const [oN, oMean, oSq] = moments(e.overallScore);
  const [fN, fMean, fSq] = moments(e.friendlyScore);
  const [rN, rMean, rSq] = moments(e.orientedScore);
  const [cN, cMean, cSq] = moments(e.complianceScore);
  const rows = await db
    .select({
      bucket: sql<number>`${bucketOf(e.submittedAt, spans)}`,
      n: sql<number>`count(*)`,
      failed: sql<number>`sum(${e.failed})`,
      customer: sql<number>`sum(${e.criticalFlags} like '%"customer"%')`,
      business: sql<number>`sum(${e.criticalFlags} like '%"business"%')`,
      compliance: sql<number>`sum(${e.criticalFlags} like '%"compliance"%')`,
      oN,
      oMean,
      oSq,
      fN,
      fMean,
      fSq,
      rN,
      rMean,
      rSq,
      cN,
      cMean,
      cSq
    })
    .from(e)
    .where(
      and(
        // The tenant through its programs, not evaluations.tenant_id: the covering index
        // evaluations_program_aggregate has no tenant column, and a row lookup per evaluation made the
        // portal's home cost ~250 ms of CPU over 100k evaluations (docs/benchmarks.md, client portal).
        inArray(
          e.programId,
          db
            .select({ id: schema.programs.id })
            .from(schema.programs)
            .where(and(eq(schema.programs.tenantId, scope.tenantId), inArray(schema.programs.id, scope.programIds)))
        ),
        eq(e.status, 'submitted'),
        gte(e.submittedAt, spans[0]!.start),
        lt(e.submittedAt, spans.at(-1)!.end),
        inArray(e.kind, COUNTING_KINDS)
      )
    )
    .groupBy(sql`1`);
  for (const r of rows) {
    if (r.bucket == null) continue;
    const v = out[Number(r.bucket)];
    if (!v) continue;
    const n = Number(r.n);
    const failed = Number(r.failed ?? 0);
    v.qa_score = meanOf(Number(r.oN), r.oMean, r.oSq);
    v.customer_friendly_score = meanOf(Number(r.fN), r.fMean, r.fSq);
    v.customer_oriented_score = meanOf(Number(r.rN), r.rMean, r.rSq);
    v.compliance_score = meanOf(Number(r.cN), r.cMean, r.cSq);
    v.critical_error_free_rate = percent(n - failed, n);
    v.customer_critical_rate = percent(Number(r.customer ?? 0), n);
    v.business_critical_rate = percent(Number(r.business ?? 0), n);
    v.compliance_critical_rate = percent(Number(r.compliance ?? 0), n);
  }
}

async function mysteryFigures(db: DbOrTx, scope: MetricScope, spans: MonthSpan[], out: MetricValues[]) {
  const mc = schema.mysteryCalls;
  const pl = schema.mysteryPlans;
  const [calls, plans] = await Promise.all([
    db
      .select({
        bucket: sql<number>`${bucketOf(mc.dialledAt, spans)}`,
        programId: mc.programId,
        dialledAt: mc.dialledAt,
        outcome: mc.outcome,
        answeredAt: mc.answeredAt,
        rightAnswerGiven: mc.rightAnswerGiven
      })
      .from(mc)
      .where(
        and(
          eq(mc.tenantId, scope.tenantId),
          inArray(mc.programId, scope.programIds),
          gte(mc.dialledAt, spans[0]!.start),
          lt(mc.dialledAt, spans.at(-1)!.end)
        )
      ),
    db
      .select({ programId: pl.programId, month: pl.month, target: pl.targetAnswerSeconds })
      .from(pl)
      .where(and(eq(pl.tenantId, scope.tenantId), inArray(pl.programId, scope.programIds), gte(pl.month, spans[0]!.month)))
  ]);
  // Each call is held to its own program's plan target for the month dialled (20 s without a plan).
  const targetOf = new Map(plans.map((p) => [`${p.programId}:${p.month}`, p.target]));
  const tally = spans.map(() => ({ n: 0, within: 0, never: 0, right: 0, judged: 0 }));
  for (const c of calls) {
    if (c.bucket == null) continue;
    const t = tally[Number(c.bucket)];
    if (!t) continue;
    const target = targetOf.get(`${c.programId}:${spans[Number(c.bucket)]!.month}`) ?? DEFAULT_TARGET_SECONDS;
    t.n++;
    const s = answerSeconds(c);
    if (s == null) t.never++;
    else if (s <= target) t.within++;
    if (c.outcome === 'answered' && c.rightAnswerGiven != null) {
      t.judged++;
      if (c.rightAnswerGiven) t.right++;
    }
  }
  tally.forEach((t, i) => {
    const v = out[i]!;
    v.mystery_service_level = percent(t.within, t.n);
    v.mystery_never_reached_rate = percent(t.never, t.n);
    v.mystery_right_answer_rate = percent(t.right, t.judged);
  });
}

async function surveyFigures(db: DbOrTx, scope: MetricScope, spans: MonthSpan[], out: MetricValues[]) {
  const items = await cohortItems(db, {
    tenantId: scope.tenantId,
    programIds: scope.programIds,
    from: spans[0]!.fromDay,
    to: spans.at(-1)!.toDay
  });
  const index = new Map(spans.map((s, i) => [s.month, i]));
  const perMonth = spans.map(() => [] as ResponseScores[]);
  for (const item of items) {
    const i = index.get(item.day.slice(0, 7));
    if (i != null && item.response) perMonth[i]!.push(item.response);
  }
  perMonth.forEach((responses, i) => {
    const byId = new Map(surveyMetrics(responses).map((m) => [m.id, m.value]));
    const v = out[i]!;
    v.csat_mean = byId.get('csat_mean') ?? EMPTY;
    v.csat_top2 = scaled(byId.get('csat_top2') ?? EMPTY, 100);
    v.fcr = scaled(byId.get('fcr_solved') ?? EMPTY, 100);
    v.nps = byId.get('nps') ?? EMPTY;
  });
}

/**
 * Every client metric of the programs, per month (consecutive or not, any order), each with n and its 95%
 * interval in the metric's unit. Three reads (evaluations, mystery calls, callback items), whatever the number
 * of months: the evaluations' read is one grouped scan of the covering index `evaluations_program_aggregate`.
 */
export async function measureMonths(db: DbOrTx, scope: MetricScope, months: readonly Month[]): Promise<Map<Month, MetricValues>> {
  const spans = [...new Set(months)].sort().map((m) => monthSpan(m, scope.timeZone));
  const out = spans.map(() => emptyValues());
  if (spans.length > 0 && scope.programIds.length > 0)
    await Promise.all([
      evaluationFigures(db, scope, spans, out),
      mysteryFigures(db, scope, spans, out),
      surveyFigures(db, scope, spans, out)
    ]);
  return new Map(spans.map((s, i) => [s.month, out[i]!]));
}

export type { ClientMetricId, MetricValues };
