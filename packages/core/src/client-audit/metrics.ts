import { and, eq, gte, inArray, lt, sql } from 'drizzle-orm';
import { schema, type DbOrTx } from '@attentive/db';
import type { Estimate } from '@attentive/shared/contract';
import { CLIENT_METRICS, type ClientMetricId, type MetricValues, type Month } from '@attentive/shared/client-metrics';
import { tIntervalFromMoments, wilsonInterval } from '../stats/intervals.ts';
import { zonedMidnight } from '../sampling/period.ts';
import { COUNTING_KINDS } from '../evaluations/kinds.ts';
import { CSAT_TOP2_FROM, NPS_DETRACTOR_UPTO, NPS_PROMOTER_FROM } from '../surveys/results/metrics.ts';
import { npsInterval } from '../stats/nps.ts';
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

/** Rows of `db.all` come as objects keyed by column name, in the SELECT's order (every column needs its own name). */
const columnsOf = (r: unknown) =>
  (Array.isArray(r) ? r : Object.values(r as Record<string, number | null>)).map((x) => (x ?? null) as number | null);

async function evaluationFigures(db: DbOrTx, scope: MetricScope, spans: MonthSpan[], out: MetricValues[]) {
  // One SELECT per month, joined by UNION ALL into one statement: each is a range seek on the covering index
  // evaluations_program_aggregate. A single grouped scan with a CASE picking the month cost twice as much (the
  // CASE per row and a temporary b-tree for the GROUP BY). The tenant through its programs: the index has no
  // tenant column. Critical classes are looked up only in failed evaluations (a failed critical item fails the
  // evaluation), so the text search runs on few rows.
  const programIds = [...new Set(scope.programIds)].sort((x, y) => x - y);
  const programs = sql`(select id from programs where tenant_id = ${scope.tenantId} and id in (${sql.join(
    programIds.map((id) => sql`${id}`),
    sql`, `
  )}))`;
  const kinds = sql.join(
    COUNTING_KINDS.map((k) => sql`${k}`),
    sql`, `
  );
  const monthRows = (s: MonthSpan) =>
    sql`from evaluations where program_id in ${programs} and status = 'submitted'
      and submitted_at >= ${s.start.getTime()} and submitted_at < ${s.end.getTime()} and kind in (${kinds})`;
  const flag = (cls: string) => sql`sum(case when failed then instr(critical_flags, ${`"${cls}"`}) > 0 else 0 end)`;
  const moments = (col: string) => sql.raw(`count(${col}), avg(${col}), sum(${col} * ${col})`);
  const raw = await db.all(
    sql.join(
      spans.map(
        (
          s,
          i
        ) => sql`select ${i} as bucket, count(*) as n, sum(failed) as failed, ${flag('customer')} as customer, ${flag('business')} as business, ${flag('compliance')} as compliance,
          ${moments('overall_score')}, ${moments('friendly_score')}, ${moments('oriented_score')}, ${moments('compliance_score')}
          ${monthRows(s)}`
      ),
      sql` union all `
    )
  );
  for (const r of raw) {
    const [i, n, failed, customer, business, compliance, oN, oMean, oSq, fN, fMean, fSq, rN, rMean, rSq, cN, cMean, cSq] = columnsOf(r);
    const count = Number(n ?? 0);
    Object.assign(out[Number(i)]!, {
      qa_score: meanOf(Number(oN ?? 0), oMean ?? null, oSq ?? null),
      customer_friendly_score: meanOf(Number(fN ?? 0), fMean ?? null, fSq ?? null),
      customer_oriented_score: meanOf(Number(rN ?? 0), rMean ?? null, rSq ?? null),
      compliance_score: meanOf(Number(cN ?? 0), cMean ?? null, cSq ?? null),
      critical_error_free_rate: percent(count - Number(failed ?? 0), count),
      customer_critical_rate: percent(Number(customer ?? 0), count),
      business_critical_rate: percent(Number(business ?? 0), count),
      compliance_critical_rate: percent(Number(compliance ?? 0), count)
    });
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
  // The survey module's metrics (surveys/results/metrics.ts: CSAT mean 1–5, top-2-box 4–5, FCR "solved", NPS
  // promoters 9–10 − detractors 0–6), summed in SQL per month of the lists' days instead of read item by item:
  // the portal's trend needs twelve months of two programs on every request.
  const rows = await db.all<(number | string | null)[]>(sql`
    select substr(d.day, 1, 7), count(r.csat), avg(r.csat), sum(r.csat * r.csat), sum(r.csat >= ${CSAT_TOP2_FROM}),
      count(r.fcr_solved), sum(r.fcr_solved), count(r.nps), sum(r.nps >= ${NPS_PROMOTER_FROM}), sum(r.nps <= ${NPS_DETRACTOR_UPTO})
    from callback_draws d
    join callback_items i on i.draw_id = d.id
    join survey_responses r on r.item_id = i.id
    where d.tenant_id = ${scope.tenantId}
      and d.program_id in (${sql.join(
        scope.programIds.map((id) => sql`${id}`),
        sql`, `
      )})
      and d.day >= ${spans[0]!.fromDay} and d.day <= ${spans.at(-1)!.toDay}
    group by 1`);
  const index = new Map(spans.map((s, i) => [s.month, i]));
  for (const r of rows) {
    const [month, csatN, csatMean, csatSq, top2, fcrN, fcrYes, npsN, promoters, detractors] = (
      Array.isArray(r) ? r : Object.values(r as Record<string, number | string | null>)
    ).map((x, k) => (k === 0 ? x : Number(x ?? 0))) as [string, ...number[]];
    const i = index.get(month);
    if (i == null) continue;
    const v = out[i]!;
    v.csat_mean = tIntervalFromMoments(
      { n: csatN!, mean: csatMean!, m2: Math.max(0, csatSq! - csatN! * csatMean! * csatMean!) },
      { bounds: [1, 5] }
    );
    v.csat_top2 = percent(top2!, csatN!);
    v.fcr = percent(fcrYes!, fcrN!);
    v.nps = npsInterval(promoters!, detractors!, npsN!);
  }
}

const DAY_MS = 86_400_000;

/**
 * Each month's figures of (tenant, programs) as last measured in this process, under the month's epoch: the sum
 * of the `figure_epochs` counters of its programs over the UTC days the month touches. Those counters are bumped
 * by triggers in the same statement as every change to a row the figures come from (schema/client-audit.ts), and
 * only grow, so a changed month always has a new epoch — in every process that shares the database, because the
 * epoch is read from it on every call. An unchanged month is then one short index read instead of its
 * evaluations, mystery calls and survey responses (docs/benchmarks.md, "Client portal home").
 * One cache per database handle: two databases (tests, tenants' files) never share entries.
 */
type MonthCache = Map<string, { epoch: number; values: MetricValues }>;
const monthCaches = new WeakMap<object, MonthCache>();
const MONTH_CACHE_LIMIT = 20_000;

function monthCacheOf(db: DbOrTx): MonthCache {
  let cache = monthCaches.get(db);
  if (!cache) monthCaches.set(db, (cache = new Map()));
  if (cache.size > MONTH_CACHE_LIMIT) cache.clear();
  return cache;
}

/** The epoch of each month: one range seek per month on figure_epochs' primary key (program, day). */
async function monthEpochs(db: DbOrTx, programIds: number[], spans: MonthSpan[]): Promise<number[]> {
  const programs = sql.join(
    programIds.map((id) => sql`${id}`),
    sql`, `
  );
  const rows = await db.all(
    sql.join(
      spans.map((s, i) => {
        // Every UTC day the month's instants fall on (a local month overlaps the days either side of it).
        const first = Math.floor(s.start.getTime() / DAY_MS);
        const last = Math.floor((s.end.getTime() - 1) / DAY_MS);
        return sql`select ${i} as bucket, total(n) as epoch from figure_epochs where program_id in (${programs}) and day between ${first} and ${last}`;
      }),
      sql` union all `
    )
  );
  const epochs = spans.map(() => 0);
  for (const r of rows) {
    const [i, epoch] = columnsOf(r);
    epochs[Number(i)] = Number(epoch ?? 0);
  }
  return epochs;
}

/**
 * Every client metric of the programs, per month (consecutive or not, any order), each with n and its 95%
 * interval in the metric's unit. Months whose epoch is unchanged since they were last measured in this process
 * come from memory; the others are measured with three reads (evaluations, mystery calls, survey responses),
 * whatever their number: the evaluations' read is one range seek per month on the covering index
 * `evaluations_program_aggregate`.
 */
export async function measureMonths(db: DbOrTx, scope: MetricScope, months: readonly Month[]): Promise<Map<Month, MetricValues>> {
  const spans = [...new Set(months)].sort().map((m) => monthSpan(m, scope.timeZone));
  const programIds = [...new Set(scope.programIds)].sort((x, y) => x - y);
  const out = spans.map(() => emptyValues());
  if (spans.length > 0 && programIds.length > 0) {
    const cache = monthCacheOf(db);
    // Read before measuring: a change that lands in between is then measured under the older epoch, and the
    // next call (seeing the newer one) measures again. Never the other way round.
    const epochs = await monthEpochs(db, programIds, spans);
    const keyOf = (s: MonthSpan) => `${scope.tenantId}|${programIds.join(',')}|${s.start.getTime()}|${s.end.getTime()}`;
    const stale: number[] = [];
    spans.forEach((s, i) => {
      const hit = cache.get(keyOf(s));
      if (hit && hit.epoch === epochs[i]) out[i] = structuredClone(hit.values);
      else stale.push(i);
    });
    if (stale.length > 0) {
      const staleSpans = stale.map((i) => spans[i]!);
      const measured = stale.map((i) => out[i]!);
      const staleScope = { ...scope, programIds };
      await Promise.all([
        evaluationFigures(db, staleScope, staleSpans, measured),
        mysteryFigures(db, staleScope, staleSpans, measured),
        surveyFigures(db, staleScope, staleSpans, measured)
      ]);
      stale.forEach((i) => cache.set(keyOf(spans[i]!), { epoch: epochs[i]!, values: structuredClone(out[i]!) }));
    }
  }
  return new Map(spans.map((s, i) => [s.month, out[i]!]));
}

export type { ClientMetricId, MetricValues };
