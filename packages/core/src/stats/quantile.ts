import { regularizedBeta } from './distributions.ts';
import { DEFAULT_CONFIDENCE, type Estimate } from './intervals.ts';

/** P(B ≤ k) for B ~ Binomial(n, q), through the incomplete beta function (exact, no summing of terms). */
export function binomialCdf(k: number, n: number, q: number): number {
  if (k < 0) return 0;
  if (k >= n) return 1;
  return regularizedBeta(1 - q, n - k, k + 1);
}

/**
 * A quantile (e.g. the 90th percentile of answer times) with a distribution-free 95% interval from
 * order statistics: waits are skewed and lumpy, so no normal approximation. The estimate is the
 * nearest-rank quantile x(⌈qn⌉). The interval [x(l), x(u)] uses that the number of values below the true
 * quantile is Binomial(n, q): l is the highest rank with P(B ≤ l − 1) ≤ α/2, u the lowest with
 * P(B ≤ u − 1) ≥ 1 − α/2. With few values an end may not exist (the 90th percentile's upper end needs
 * 36 values): that end is null — "unknown", never a made-up bound.
 */
export function quantileInterval(values: readonly number[], q: number, level = DEFAULT_CONFIDENCE): Estimate {
  if (!(q > 0 && q < 1)) throw new RangeError(`quantileInterval: q must be in (0, 1), got ${q}`);
  const n = values.length;
  if (n === 0) return { n: 0, estimate: null, low: null, high: null };
  const xs = Float64Array.from(values).sort();
  const at = (rank: number) => xs[rank - 1]!;
  const alpha = (1 - level) / 2;
  // P(B ≤ r − 1) grows with r: binary searches, a few incomplete-beta evaluations even for thousands of values.
  const below = (r: number) => binomialCdf(r - 1, n, q);
  const l = lastRank(n, (r) => below(r) <= alpha);
  const u = lastRank(n, (r) => below(r) < 1 - alpha) + 1;
  return { n, estimate: at(Math.max(1, Math.ceil(q * n))), low: l >= 1 ? at(l) : null, high: u <= n ? at(u) : null };
}

/** The highest rank r in 1..n for which `holds` (monotone: true up to some rank, then false); 0 if none. */
function lastRank(n: number, holds: (r: number) => boolean): number {
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (holds(mid)) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
