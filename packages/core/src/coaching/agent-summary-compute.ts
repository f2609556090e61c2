import { DIMENSIONS, type Dimension } from '@attentive/shared';
import type { ScorecardDefinition } from '@attentive/shared/scorecard';
import { meanInterval, type Estimate } from '../stats/intervals.ts';
import { itemEstimates } from './item-scores.ts';

export type SummaryEvaluation = {
  submittedAt: Date;
  overallScore: number | null;
  dimensionScores: Record<string, number | null>;
  answers: Record<string, unknown>;
  definition: ScorecardDefinition;
};

/** Where the friendly × oriented plane is split into its four quadrants (0–100 on both axes). */
export const PLANE_SPLIT = 70;
export type Quadrant = 'both' | 'friendly_only' | 'oriented_only' | 'neither';

export function quadrantOf(friendly: number | null, oriented: number | null): Quadrant | null {
  if (friendly == null || oriented == null) return null;
  const f = friendly >= PLANE_SPLIT;
  const o = oriented >= PLANE_SPLIT;
  return f && o ? 'both' : f ? 'friendly_only' : o ? 'oriented_only' : 'neither';
}

const monthKey = (d: Date) => `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`;

/** The last `count` calendar months (UTC) up to and including the month of `now`, oldest first. */
export function lastMonths(now: Date, count: number): string[] {
  return Array.from({ length: count }, (_, i) =>
    monthKey(new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - (count - 1 - i), 1)))
  );
}

const estimateOf = (values: (number | null | undefined)[]): Estimate => meanInterval(values, { bounds: [0, 100] });

/**
 * An agent's results for its home screen. Pure. Every figure is an Estimate (n, mean, 95% interval):
 * per month and dimension; the friendly × oriented position over the last three months and its path
 * month by month; the items it does best and worst (n ≥ 3 and n ≥ 2 respectively).
 */
export function summariseAgent(evals: SummaryEvaluation[], now: Date, months = 6) {
  const keys = lastMonths(now, months);
  const byMonth = new Map(keys.map((k) => [k, [] as SummaryEvaluation[]]));
  for (const e of evals) byMonth.get(monthKey(e.submittedAt))?.push(e);
  const perMonth = keys.map((month) => {
    const es = byMonth.get(month)!;
    return {
      month,
      n: es.length,
      overall: estimateOf(es.map((e) => e.overallScore)),
      dimensions: Object.fromEntries(DIMENSIONS.map((d) => [d, estimateOf(es.map((e) => e.dimensionScores[d]))])) as Record<
        Dimension,
        Estimate
      >
    };
  });
  const path = perMonth
    .filter((m) => m.dimensions.customer_friendly.estimate != null && m.dimensions.customer_oriented.estimate != null)
    .map((m) => ({
      month: m.month,
      n: m.n,
      friendly: m.dimensions.customer_friendly.estimate!,
      oriented: m.dimensions.customer_oriented.estimate!
    }));
  const recentKeys = new Set(keys.slice(-3));
  const recent = evals.filter((e) => recentKeys.has(monthKey(e.submittedAt)));
  const recentDims = Object.fromEntries(DIMENSIONS.map((d) => [d, estimateOf(recent.map((e) => e.dimensionScores[d]))])) as Record<
    Dimension,
    Estimate
  >;
  const friendly = recentDims.customer_friendly;
  const oriented = recentDims.customer_oriented;
  const inWindow = evals
    .filter((e) => byMonth.has(monthKey(e.submittedAt)))
    .sort((a, b) => a.submittedAt.getTime() - b.submittedAt.getTime());
  const items = itemEstimates(inWindow);
  const strengths = items
    .filter((i) => i.estimate.n >= 3 && (i.estimate.estimate ?? 0) >= 80)
    .sort((a, b) => b.estimate.estimate! - a.estimate.estimate! || b.estimate.n - a.estimate.n)
    .slice(0, 3);
  const weak = items
    .filter((i) => i.estimate.n >= 2 && (i.estimate.estimate ?? 100) < 80)
    .sort((a, b) => a.estimate.estimate! - b.estimate.estimate! || b.estimate.n - a.estimate.n)
    .slice(0, 3);
  return {
    months: perMonth,
    total: { n: inWindow.length, overall: estimateOf(inWindow.map((e) => e.overallScore)) },
    /** The last three months per dimension: the headline figures. */
    recent: {
      since: keys.at(-3) ?? keys[0]!,
      n: recent.length,
      overall: estimateOf(recent.map((e) => e.overallScore)),
      dimensions: recentDims
    },
    position: { since: keys.at(-3) ?? keys[0]!, friendly, oriented, quadrant: quadrantOf(friendly.estimate, oriented.estimate) },
    path,
    strengths,
    weak
  };
}
