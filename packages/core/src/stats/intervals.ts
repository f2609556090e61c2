import { normalQuantile, studentTQuantile } from './distributions.ts';

/**
 * Every aggregate the product shows: how many observations it rests on, the estimate and its
 * interval. `estimate`, `low` and `high` are null when n is too small to say anything (n = 0; for a
 * mean's interval also n = 1): an honest "we don't know", never a precise-looking number.
 */
import type { Estimate } from '@attentive/shared/contract';
export type { Estimate };

export const DEFAULT_CONFIDENCE = 0.95;

function checkConfidence(level: number) {
  if (!(level > 0 && level < 1)) throw new RangeError(`confidence must be in (0, 1), got ${level}`);
}

/**
 * Wilson score interval for a proportion (pass rates, share answered within 20 s, FCR).
 * Stays inside [0, 1] and behaves at 0 and n successes, unlike the normal ("Wald") interval.
 */
export function wilsonInterval(successes: number, n: number, level = DEFAULT_CONFIDENCE): Estimate {
  checkConfidence(level);
  if (!Number.isInteger(n) || n < 0 || !Number.isInteger(successes) || successes < 0 || successes > n)
    throw new RangeError(`wilsonInterval: need whole numbers 0 ≤ successes ≤ n, got ${successes} of ${n}`);
  if (n === 0) return { n: 0, estimate: null, low: null, high: null };
  const z = normalQuantile(1 - (1 - level) / 2);
  const p = successes / n;
  const z2n = (z * z) / n;
  const centre = (p + z2n / 2) / (1 + z2n);
  const half = (z * Math.sqrt((p * (1 - p)) / n + z2n / (4 * n))) / (1 + z2n);
  // Exact ends at 0 and n successes (the formula gives them up to rounding).
  return { n, estimate: p, low: successes === 0 ? 0 : Math.max(0, centre - half), high: successes === n ? 1 : Math.min(1, centre + half) };
}

/** Count, mean and sum of squared deviations: enough for a t interval, mergeable, one pass. */
export type Moments = { n: number; mean: number; m2: number };

/** Streaming mean and variance (Welford): add values one by one, e.g. per agent over 100,000 evaluations. */
export class MeanAccumulator implements Moments {
  n = 0;
  mean = 0;
  m2 = 0;
  add(x: number): this {
    if (!Number.isFinite(x)) throw new RangeError(`MeanAccumulator: not a finite number: ${x}`);
    this.n++;
    const d = x - this.mean;
    this.mean += d / this.n;
    this.m2 += d * (x - this.mean);
    return this;
  }
  interval(opts?: MeanIntervalOptions): Estimate {
    return tIntervalFromMoments(this, opts);
  }
}

export type MeanIntervalOptions = {
  level?: number;
  /** Clamp the interval to the values' possible range, e.g. [0, 100] for scores. */ bounds?: [number, number];
};

/** Student t interval for a mean: mean ± t(1 − α/2, n − 1) · s / √n. */
export function tIntervalFromMoments(m: Moments, opts: MeanIntervalOptions = {}): Estimate {
  const level = opts.level ?? DEFAULT_CONFIDENCE;
  checkConfidence(level);
  if (m.n === 0) return { n: 0, estimate: null, low: null, high: null };
  if (m.n === 1) return { n: 1, estimate: m.mean, low: null, high: null };
  const sd = Math.sqrt(Math.max(0, m.m2) / (m.n - 1));
  const half = studentTQuantile(1 - (1 - level) / 2, m.n - 1) * (sd / Math.sqrt(m.n));
  let low = m.mean - half;
  let high = m.mean + half;
  if (opts.bounds) {
    low = Math.max(opts.bounds[0], low);
    high = Math.min(opts.bounds[1], high);
  }
  return { n: m.n, estimate: m.mean, low, high };
}

/** t interval for the mean of a list of values; nulls (e.g. "not scored") are skipped, not counted. */
export function meanInterval(values: readonly (number | null | undefined)[], opts?: MeanIntervalOptions): Estimate {
  const acc = new MeanAccumulator();
  for (const v of values) if (v != null) acc.add(v);
  return acc.interval(opts);
}

/** Deterministic PRNG (mulberry32) so a bootstrap interval (or a benchmark's data) is reproducible from its seed. */
export function mulberry32(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Percentile bootstrap interval for a mean: for skewed data (handle times, waits) where the t interval's
 * symmetry misleads. Reproducible: the same values and seed give the same interval.
 */
export function bootstrapMeanInterval(
  values: readonly (number | null | undefined)[],
  opts: { level?: number; resamples?: number; seed?: number } = {}
): Estimate {
  const level = opts.level ?? DEFAULT_CONFIDENCE;
  checkConfidence(level);
  const xs = values.filter((v): v is number => v != null);
  const n = xs.length;
  if (n === 0) return { n: 0, estimate: null, low: null, high: null };
  const mean = xs.reduce((s, x) => s + x, 0) / n;
  if (n === 1) return { n: 1, estimate: mean, low: null, high: null };
  const B = opts.resamples ?? 2000;
  const rnd = mulberry32(opts.seed ?? 1);
  const means = new Float64Array(B);
  for (let b = 0; b < B; b++) {
    let s = 0;
    for (let i = 0; i < n; i++) s += xs[Math.floor(rnd() * n)]!;
    means[b] = s / n;
  }
  means.sort();
  const alpha = (1 - level) / 2;
  const at = (q: number) => means[Math.min(B - 1, Math.max(0, Math.round(q * (B - 1))))]!;
  return { n, estimate: mean, low: Math.min(mean, at(alpha)), high: Math.max(mean, at(1 - alpha)) };
}
