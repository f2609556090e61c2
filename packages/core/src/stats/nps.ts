import { normalQuantile } from './distributions.ts';
import { DEFAULT_CONFIDENCE, type Estimate } from './intervals.ts';

/**
 * Net Promoter Score with its interval: NPS = 100 · (promoters − detractors) / n, on −100..100.
 *
 * Each answer is one draw of a three-way (multinomial) variable X ∈ {+1 promoter, 0 passive, −1 detractor},
 * so NPS/100 is the mean of X and Var(X) = p + d − (p − d)², with p and d the promoter and detractor shares
 * (the variance of a difference of two proportions of ONE multinomial: Var(p̂) + Var(d̂) + 2·p·d/n).
 * The interval is the adjusted Wald interval of Rocks (2016): 3/4 of a promoter and of a detractor and 3 answers
 * are added before the variance is taken, so 3 promoters out of 3 do not get a zero-width "100 ± 0". The
 * estimate itself is the plain NPS; the interval is widened to contain it and clamped to [−100, 100].
 * n < 2: an estimate without an interval (n = 1) or nothing (n = 0), like a mean's.
 */
export function npsInterval(promoters: number, detractors: number, n: number, level = DEFAULT_CONFIDENCE): Estimate {
  if (!(level > 0 && level < 1)) throw new RangeError(`confidence must be in (0, 1), got ${level}`);
  for (const [name, v] of [
    ['promoters', promoters],
    ['detractors', detractors],
    ['n', n]
  ] as const)
    if (!Number.isInteger(v) || v < 0) throw new RangeError(`npsInterval: ${name} must be a whole number ≥ 0, got ${v}`);
  if (promoters + detractors > n) throw new RangeError(`npsInterval: ${promoters} promoters + ${detractors} detractors exceed n = ${n}`);
  if (n === 0) return { n: 0, estimate: null, low: null, high: null };
  const estimate = (100 * (promoters - detractors)) / n;
  if (n === 1) return { n: 1, estimate, low: null, high: null };
  const na = n + 3;
  const pa = (promoters + 0.75) / na;
  const da = (detractors + 0.75) / na;
  const centre = pa - da;
  const variance = Math.max(0, pa + da - centre * centre) / na;
  const half = normalQuantile(1 - (1 - level) / 2) * Math.sqrt(variance);
  return {
    n,
    estimate,
    low: Math.max(-100, Math.min(estimate, 100 * (centre - half))),
    high: Math.min(100, Math.max(estimate, 100 * (centre + half)))
  };
}
