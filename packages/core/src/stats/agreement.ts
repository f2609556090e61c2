import { addUnit, alphaFromCoincidences, prepare, unitCoincidences } from './agreement-data.ts';
import { alphaFromIntervalUnits, intervalUnits } from './agreement-interval.ts';

/**
 * Agreement statistics for calibration (issue 15): pure functions, checkable against the literature without the
 * database. docs/calibration-statistics.md describes each, with its sources and the worked examples the tests
 * reproduce. Reliability data is `data[r][u]` = rater r's value for unit u (null = missing: N.A., or a participant
 * who skipped). "Not computable" is always `null`, never NaN or Infinity; malformed input throws RangeError
 * saying what and where.
 */

export type { MeasurementLevel } from './agreement-data.ts';
export { LEVELS as MEASUREMENT_LEVELS } from './agreement-data.ts';

/**
 * Krippendorff's alpha by the coincidence-matrix method of Krippendorff (2011), "Computing Krippendorff's
 * Alpha-Reliability" (repository.upenn.edu/asc_papers/43).
 *
 * - Units with fewer than 2 values are not pairable and are dropped.
 * - Each pairable unit u with m_u values adds n_uc·(n_uk − [c=k])/(m_u − 1) to the coincidence o_ck;
 *   n_c = Σ_k o_ck, n = Σ_c n_c (the number of pairable values).
 * - α = 1 − D_o/D_e = 1 − (n − 1)·Σ o_ck δ²_ck / Σ n_c n_k δ²_ck, with δ²: nominal 0/1; ordinal
 *   (n_c/2 + Σ_{c<g<k} n_g + n_k/2)² (n_g the marginal frequencies, values in their order); interval (c − k)²;
 *   ratio ((c − k)/(c + k))².
 * - Order of values at the ordinal level: numbers ascending; strings in code-unit order (`ranksOf` turns values
 *   with a natural order, e.g. a choice's option keys, into ranks first).
 *
 * Null when not computable: n < 2 (one rater, empty data, all missing, no unit with 2+ values) or D_e = 0 (one
 * value used throughout). Throws RangeError on ragged rows, a non-finite number, a value that is not a number,
 * string or null, numbers mixed with strings, strings at the interval/ratio level, a negative value at the ratio
 * level.
 */
export function krippendorffAlpha(data: (number | string | null)[][], level: 'nominal' | 'ordinal' | 'interval' | 'ratio'): number | null {
  const prepared = prepare('krippendorffAlpha', data, level);
  // The interval metric reduces to sums of squares: no V×V matrix (agreement-interval.ts).
  if (level === 'interval') return alphaFromIntervalUnits(intervalUnits(prepared));
  const { values, units } = prepared;
  const o = new Float64Array(values.length * values.length);
  for (const unit of units) {
    const cells = unitCoincidences(unit);
    if (cells) addUnit(o, values.length, cells);
  }
  return alphaFromCoincidences(o, values, level);
}

/**
 * Raw (not chance-corrected) percent agreement, as a share 0..1: per pairable unit (2+ values), the share of its
 * pairs of values that are equal (Σ_c C(n_uc, 2) / C(m_u, 2)); the mean over pairable units. Values are compared
 * exactly (the nominal sense). Null when no unit is pairable. Same input checks as `krippendorffAlpha` at the
 * nominal level.
 */
export function percentAgreement(data: (number | string | null)[][]): number | null {
  const { units } = prepare('percentAgreement', data, 'nominal');
  let sum = 0;
  let pairable = 0;
  for (const unit of units) {
    const m = unit.length;
    if (m < 2) continue;
    const counts = new Map<number, number>();
    for (const i of unit) counts.set(i, (counts.get(i) ?? 0) + 1);
    let agreeing = 0;
    for (const nc of counts.values()) agreeing += (nc * (nc - 1)) / 2;
    sum += agreeing / ((m * (m - 1)) / 2);
    pairable++;
  }
  return pairable === 0 ? null : sum / pairable;
}

/**
 * Fleiss' kappa (Fleiss 1971, "Measuring nominal scale agreement among many raters", Psychological Bulletin
 * 76(5):378–382). `counts[u][k]` = how many raters put unit u in category k; every unit has the same number of
 * raters n (they need not be the same raters).
 * P_u = (Σ_k n_uk² − n)/(n(n − 1)); P̄ = mean of P_u; p_k = Σ_u n_uk/(N n); P̄e = Σ_k p_k²; κ = (P̄ − P̄e)/(1 − P̄e).
 *
 * Null when not computable: no units, n < 2, or P̄e = 1 (one category used throughout). Throws RangeError on rows
 * of different lengths, a count that is negative, not whole or not finite, or units with different totals (naming
 * the unit).
 */
export function fleissKappa(counts: number[][]): number | null {
  if (!Array.isArray(counts)) throw new RangeError('fleissKappa: counts must be an array of rows (one per unit)');
  if (counts.length === 0) return null;
  const width = Array.isArray(counts[0]) ? counts[0].length : 0;
  let raters = -1;
  for (let u = 0; u < counts.length; u++) {
    const row = counts[u];
    if (!Array.isArray(row)) throw new RangeError(`fleissKappa: unit ${u} is not an array of counts`);
    if (row.length !== width) throw new RangeError(`fleissKappa: unit ${u} has ${row.length} categories, unit 0 has ${width}`);
    let total = 0;
    for (let k = 0; k < width; k++) {
      const x = row[k];
      if (typeof x !== 'number' || !Number.isInteger(x) || x < 0)
        throw new RangeError(`fleissKappa: counts[${u}][${k}] is ${String(x)}; counts must be whole numbers ≥ 0`);
      total += x;
    }
    if (raters === -1) raters = total;
    else if (total !== raters)
      throw new RangeError(`fleissKappa: unit ${u} has ${total} ratings, unit 0 has ${raters}; every unit needs the same number of raters`);
  }
  const n = raters;
  const N = counts.length;
  if (n < 2) return null;
  let pBar = 0;
  const colSums = new Float64Array(width);
  for (const row of counts) {
    let squares = 0;
    for (let k = 0; k < width; k++) {
      squares += row[k]! * row[k]!;
      colSums[k] = colSums[k]! + row[k]!;
    }
    pBar += (squares - n) / (n * (n - 1));
  }
  pBar /= N;
  let pE = 0;
  for (const s of colSums) pE += (s / (N * n)) ** 2;
  if (!(pE < 1)) return null;
  const kappa = (pBar - pE) / (1 - pE);
  return Number.isFinite(kappa) ? kappa : null;
}

/**
 * Fleiss counts from complete reliability data `data[r][u]`: `counts[u][k]` = raters who gave unit u the k-th
 * distinct value (values in the order of `krippendorffAlpha`'s: numbers ascending, strings in code-unit order).
 * Null when any unit lacks a rater's value (or there are no raters or no units): callers show "not computable: not
 * every unit has the same raters". Same input checks as `krippendorffAlpha` at the nominal level.
 */
export function fleissCountsOf(data: (number | string | null)[][]): number[][] | null {
  const { values, units } = prepare('fleissCountsOf', data, 'nominal');
  if (data.length === 0 || units.length === 0 || units.some((u) => u.length !== data.length)) return null;
  return units.map((unit) => {
    const row = new Array<number>(values.length).fill(0);
    for (const i of unit) row[i]!++;
    return row;
  });
}

/**
 * Replaces values that have a natural order (e.g. a choice item's option keys, in the order the scorecard defines
 * them) by their rank 1..k in `order`, so `krippendorffAlpha(…, 'ordinal')` uses that order rather than the
 * code-unit order of the strings. null stays null; a value not in `order` throws RangeError.
 */
export function ranksOf(data: (string | null)[][], order: readonly string[]): (number | null)[][] {
  const rank = new Map(order.map((v, i) => [v, i + 1] as const));
  return data.map((row, r) =>
    row.map((v, u) => {
      if (v === null) return null;
      const x = rank.get(v);
      if (x === undefined) throw new RangeError(`ranksOf: data[${r}][${u}] is ${JSON.stringify(v)}, not one of ${order.join(', ')}`);
      return x;
    })
  );
}

export type Deviation = { n: number; mean: number; meanAbs: number };

/**
 * One evaluator's deviation from the consensus (agreed) answers, unit by unit: over the units where both are
 * present, n, the signed mean of value − consensus (positive = scores high) and the mean absolute deviation.
 * Null when no unit has both. Throws RangeError on arrays of different lengths or a non-finite number.
 */
export function deviationFromConsensus(values: (number | null)[], consensus: (number | null)[]): Deviation | null {
  if (values.length !== consensus.length)
    throw new RangeError(`deviationFromConsensus: ${values.length} values but ${consensus.length} consensus answers`);
  let n = 0;
  let sum = 0;
  let sumAbs = 0;
  for (let u = 0; u < values.length; u++) {
    const v = values[u];
    const c = consensus[u];
    for (const [name, x] of [
      ['values', v],
      ['consensus', c]
    ] as const)
      if (x !== null && x !== undefined && !Number.isFinite(x)) throw new RangeError(`deviationFromConsensus: ${name}[${u}] is ${x}`);
    if (v === null || v === undefined || c === null || c === undefined) continue;
    n++;
    sum += v - c;
    sumAbs += Math.abs(v - c);
  }
  return n === 0 ? null : { n, mean: sum / n, meanAbs: sumAbs / n };
}
