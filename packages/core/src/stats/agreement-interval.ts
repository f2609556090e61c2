import type { PreparedData } from './agreement-data.ts';

/**
 * Krippendorff's alpha at the INTERVAL level without the coincidence matrix. With δ² = (c − k)² both
 * disagreements reduce to sums of squares, so alpha costs O(values) instead of O(distinct values²) — which matters
 * for the overall score %, where nearly every value is distinct (30 raters × 20 calls: 28 ms per alpha and 3.8 s
 * per 1,000-draw bootstrap by the matrix; well under a millisecond and ~10 ms this way).
 *
 * For a pairable unit u with m_u values: Σ_{i≠j} (v_i − v_j)² = 2(m_u Σv² − (Σv)²), and the unit adds that
 * divided by (m_u − 1) to n·D_o. Over all N pairable values: Σ_{c,k} n_c n_k (c − k)² = 2(N ΣV² − (ΣV)²).
 * α = 1 − (N − 1)·Σ_u [2(m_u Σv² − (Σv)²)/(m_u − 1)] / [2(N ΣV² − (ΣV)²)] — the same number as the matrix method
 * (a property test checks it), computed on values centred on their mean to keep the subtraction exact enough.
 */

/** Per pairable unit: m, Σv and Σv² of its (centred) values, and Σ(v − unit mean)² (exactly 0 when its raters agree). */
export type IntervalUnit = { m: number; s1: number; s2: number; ss: number };

export function intervalUnits(prepared: PreparedData): IntervalUnit[] {
  const { values, units } = prepared;
  let total = 0;
  let count = 0;
  for (const u of units)
    if (u.length >= 2)
      for (const i of u) {
        total += values[i] as number;
        count++;
      }
  const mean = count ? total / count : 0;
  const out: IntervalUnit[] = [];
  for (const u of units) {
    if (u.length < 2) continue;
    let s1 = 0;
    let s2 = 0;
    for (const i of u) {
      const v = (values[i] as number) - mean;
      s1 += v;
      s2 += v * v;
    }
    const unitMean = s1 / u.length;
    let ss = 0;
    for (const i of u) ss += ((values[i] as number) - mean - unitMean) ** 2;
    out.push({ m: u.length, s1, s2, ss });
  }
  return out;
}

/** Alpha from the units' sums (each unit as often as it is listed — the bootstrap passes a resample). Null: N < 2 or D_e = 0. */
export function alphaFromIntervalUnits(units: readonly IntervalUnit[]): number | null {
  let n = 0;
  let s1 = 0;
  let s2 = 0;
  let observed = 0;
  for (const u of units) {
    n += u.m;
    s1 += u.s1;
    s2 += u.s2;
    // Σ_{i≠j}(v_i − v_j)² = 2 m Σ(v − ū)²: computed from the within-unit squares, so perfect agreement is exactly 0.
    observed += (2 * u.m * u.ss) / (u.m - 1);
  }
  if (!(n >= 2)) return null;
  const expected = 2 * (n * s2 - s1 * s1);
  // Relative to the scale of the values: a spread that is only rounding noise is "one value throughout".
  if (!(expected > 1e-12 * Math.max(1, n * s2))) return null;
  const alpha = 1 - ((n - 1) * Math.max(0, observed)) / expected;
  return Number.isFinite(alpha) ? alpha : null;
}
