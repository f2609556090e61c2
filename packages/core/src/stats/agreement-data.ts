/**
 * Internals shared by the agreement statistics (agreement.ts, agreement-bootstrap.ts): checking reliability
 * data and building Krippendorff's coincidence matrix. Not exported from the package; the public functions
 * are in agreement.ts.
 */

export const LEVELS = ['nominal', 'ordinal', 'interval', 'ratio'] as const;
export type MeasurementLevel = (typeof LEVELS)[number];

export type RatingValue = number | string;

/** Reliability data checked and reduced to what alpha needs. */
export type PreparedData = {
  /** The distinct values used anywhere (also in units that are not pairable), in their order (see below). */
  values: RatingValue[];
  /** Per unit (in the input's order): the indices into `values` of its non-missing values. */
  units: number[][];
};

/**
 * Checks `data[r][u]` (rater r, unit u, null = missing) and indexes its values.
 *
 * Throws RangeError (saying what and where) on: a row that is not an array, ragged rows, a value that is neither
 * null, a string nor a finite number, numbers and strings mixed in one data set, strings at the interval or
 * ratio level, negative numbers at the ratio level.
 *
 * Order of the distinct values: numbers ascending; strings in UTF-16 code-unit order (JavaScript's default
 * sort, the same on every machine and locale). The order only matters at the ordinal level, and only for
 * strings does it need a rule: callers with a natural order (a choice's options as defined) pass ranks as
 * numbers instead (see `ranksOf` in agreement.ts).
 */
export function prepare(fn: string, data: readonly (readonly (number | string | null)[])[], level: MeasurementLevel): PreparedData {
  if (!LEVELS.includes(level)) throw new RangeError(`${fn}: level must be one of ${LEVELS.join(', ')}, got ${String(level)}`);
  if (!Array.isArray(data)) throw new RangeError(`${fn}: data must be an array of rows (one per rater)`);
  const width = data.length > 0 && Array.isArray(data[0]) ? data[0].length : 0;
  let kind: 'number' | 'string' | null = null;
  let kindAt = '';
  const index = new Map<RatingValue, number>();
  const raw: RatingValue[] = [];
  const units: number[][] = Array.from({ length: width }, () => []);
  // First pass: shape and types, collecting distinct values.
  for (let r = 0; r < data.length; r++) {
    const row = data[r];
    if (!Array.isArray(row)) throw new RangeError(`${fn}: row ${r} (rater ${r}) is not an array`);
    if (row.length !== width) throw new RangeError(`${fn}: ragged data: row ${r} has ${row.length} units, row 0 has ${width}`);
    for (let u = 0; u < width; u++) {
      const v: unknown = row[u];
      if (v === null || v === undefined) continue;
      const at = `data[${r}][${u}] (rater ${r}, unit ${u})`;
      if (typeof v === 'number') {
        if (!Number.isFinite(v)) throw new RangeError(`${fn}: ${at} is ${v}, not a finite number`);
        if (level === 'ratio' && v < 0) throw new RangeError(`${fn}: ${at} is ${v}; the ratio level needs values ≥ 0`);
      } else if (typeof v === 'string') {
        if (level === 'interval' || level === 'ratio')
          throw new RangeError(`${fn}: ${at} is the string ${JSON.stringify(v)}; the ${level} level needs numbers`);
      } else throw new RangeError(`${fn}: ${at} is a ${typeof v}, not a number, a string or null`);
      const k = typeof v as 'number' | 'string';
      if (kind === null) {
        kind = k;
        kindAt = at;
      } else if (kind !== k) throw new RangeError(`${fn}: ${at} is a ${k} but ${kindAt} is a ${kind}; do not mix numbers and strings`);
      const value = v as RatingValue;
      if (!index.has(value)) {
        index.set(value, raw.length);
        raw.push(value);
      }
    }
  }
  const values =
    kind === 'number'
      ? (raw as number[]).slice().sort((a, b) => a - b)
      : (raw as string[]).slice().sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  values.forEach((v, i) => index.set(v, i));
  for (const row of data)
    for (let u = 0; u < width; u++) {
      const v = row[u];
      if (v !== null && v !== undefined) units[u]!.push(index.get(v)!);
    }
  return { values, units };
}

/** One pairable unit's share of the coincidence matrix, sparse: cells (c, k) with weight n_uc·(n_uk − [c=k])/(m_u − 1). */
export type UnitCoincidences = { c: number[]; k: number[]; w: number[] };

/** Null for a unit with fewer than 2 values (not pairable: it tells nothing about agreement). */
export function unitCoincidences(valueIndices: readonly number[]): UnitCoincidences | null {
  const m = valueIndices.length;
  if (m < 2) return null;
  const counts = new Map<number, number>();
  for (const i of valueIndices) counts.set(i, (counts.get(i) ?? 0) + 1);
  const out: UnitCoincidences = { c: [], k: [], w: [] };
  for (const [c, nc] of counts)
    for (const [k, nk] of counts) {
      const pairs = nc * (c === k ? nk - 1 : nk);
      if (pairs === 0) continue;
      out.c.push(c);
      out.k.push(k);
      out.w.push(pairs / (m - 1));
    }
  return out;
}

/** Adds `unit`'s cells to the V×V matrix `o` (row-major). */
export function addUnit(o: Float64Array, size: number, unit: UnitCoincidences): void {
  for (let i = 0; i < unit.w.length; i++) o[unit.c[i]! * size + unit.k[i]!]! += unit.w[i]!;
}

/**
 * Alpha from a coincidence matrix (Krippendorff 2011): α = 1 − (n − 1) · Σ o_ck δ²_ck / Σ n_c n_k δ²_ck, i.e.
 * 1 − D_o/D_e with D_o = Σ o_ck δ²_ck / n and D_e = Σ n_c n_k δ²_ck / (n(n − 1)).
 * Null when n < 2 (nothing pairable) or D_e = 0 (one value only: agreement is not distinguishable from chance).
 */
export function alphaFromCoincidences(o: Float64Array, values: readonly RatingValue[], level: MeasurementLevel): number | null {
  const size = values.length;
  const marg = new Float64Array(size);
  let n = 0;
  for (let c = 0; c < size; c++) {
    let s = 0;
    for (let k = 0; k < size; k++) s += o[c * size + k]!;
    marg[c] = s;
    n += s;
  }
  if (!(n >= 2)) return null;
  const d2 = metric(values, marg, level);
  let observed = 0;
  let expected = 0;
  for (let c = 0; c < size; c++) {
    if (marg[c] === 0) continue;
    for (let k = 0; k < size; k++) {
      if (c === k || marg[k] === 0) continue;
      const d = d2(c, k);
      observed += o[c * size + k]! * d;
      expected += marg[c]! * marg[k]! * d;
    }
  }
  if (!(expected > 0)) return null;
  const alpha = 1 - ((n - 1) * observed) / expected;
  return Number.isFinite(alpha) ? alpha : null;
}

/** δ²(c, k) for value indices c, k (c ≠ k) at a level; `marg` = n_g, the coincidence marginals. */
function metric(values: readonly RatingValue[], marg: Float64Array, level: MeasurementLevel): (c: number, k: number) => number {
  switch (level) {
    case 'nominal':
      return () => 1;
    case 'interval':
      return (c, k) => ((values[c] as number) - (values[k] as number)) ** 2;
    case 'ratio':
      return (c, k) => {
        const a = values[c] as number;
        const b = values[k] as number;
        return a + b === 0 ? 0 : ((a - b) / (a + b)) ** 2;
      };
    case 'ordinal': {
      // (n_c/2 + Σ_{c<g<k} n_g + n_k/2)², with cumulative sums: values are indexed in their order.
      const cum = new Float64Array(marg.length + 1);
      for (let g = 0; g < marg.length; g++) cum[g + 1] = cum[g]! + marg[g]!;
      return (c, k) => {
        const lo = Math.min(c, k);
        const hi = Math.max(c, k);
        return (marg[lo]! / 2 + (cum[hi]! - cum[lo + 1]!) + marg[hi]! / 2) ** 2;
      };
    }
  }
}
