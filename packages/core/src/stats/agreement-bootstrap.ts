import {
  addUnit,
  alphaFromCoincidences,
  prepare,
  unitCoincidences,
  type MeasurementLevel,
  type UnitCoincidences
} from './agreement-data.ts';
import { DEFAULT_CONFIDENCE, mulberry32 } from './intervals.ts';
import { alphaFromIntervalUnits, intervalUnits, type IntervalUnit } from './agreement-interval.ts';

export type AlphaBootstrapOptions = { draws?: number; confidence?: number; seed?: number };
export type AlphaInterval = { low: number; high: number; draws: number };

/**
 * A percentile interval for Krippendorff's alpha by a UNIT bootstrap, reproducible from its seed (mulberry32; no
 * Math.random): draw as many pairable units as there are, with replacement; recompute alpha on them (coincidences,
 * marginals and, at the ordinal level, the metric); repeat `draws` times; the interval is the (1 − confidence)/2
 * and (1 + confidence)/2 percentiles of the alphas (nearest rank). Draws where alpha is not computable (e.g. every
 * drawn unit shows the same single value) are skipped; `draws` in the result is how many counted.
 *
 * Why a unit bootstrap and not Krippendorff's (Hayes & Krippendorff 2007) bootstrap, which resamples pairs of
 * values from the coincidence matrix: calibration sessions have few calls (3–5 units) rated by several people, and
 * the values within a call are not independent; resampling whole calls keeps that dependence and is honest about
 * how little a handful of calls can show. The price: with 3–5 units the interval is wide (and lumpy, since only a
 * few distinct resamples exist). That is the truth about 3–5 calls, and the screens should show it.
 *
 * Null when alpha itself is not computable, when fewer than 2 units are pairable (nothing to resample), or when
 * fewer than half of the draws (or fewer than 2) gave a computable alpha. Throws RangeError on bad options
 * (draws not a whole number ≥ 1, confidence outside (0, 1), seed not a finite number) and on the inputs
 * `krippendorffAlpha` rejects.
 */
export function alphaBootstrapInterval(
  data: (number | string | null)[][],
  level: 'nominal' | 'ordinal' | 'interval' | 'ratio',
  options: AlphaBootstrapOptions = {}
): AlphaInterval | null {
  const { draws = 1000, confidence = DEFAULT_CONFIDENCE, seed = 1 } = options;
  if (!Number.isInteger(draws) || draws < 1) throw new RangeError(`alphaBootstrapInterval: draws must be a whole number ≥ 1, got ${draws}`);
  if (!(confidence > 0 && confidence < 1)) throw new RangeError(`alphaBootstrapInterval: confidence must be in (0, 1), got ${confidence}`);
  if (!Number.isFinite(seed)) throw new RangeError(`alphaBootstrapInterval: seed must be a finite number, got ${seed}`);
  const prepared = prepare('alphaBootstrapInterval', data, level);
  if (level === 'interval') return intervalBootstrap(intervalUnits(prepared), draws, confidence, seed);
  const { values, units } = prepared;
  const pairable = units.map(unitCoincidences).filter((u): u is UnitCoincidences => u !== null);
  if (pairable.length < 2) return null;
  const size = values.length;
  const all = new Float64Array(size * size);
  for (const u of pairable) addUnit(all, size, u);
  if (alphaFromCoincidences(all, values, level as MeasurementLevel) === null) return null;

  const rnd = mulberry32(seed);
  const alphas: number[] = [];
  const o = new Float64Array(size * size);
  for (let b = 0; b < draws; b++) {
    o.fill(0);
    for (let i = 0; i < pairable.length; i++) addUnit(o, size, pairable[Math.floor(rnd() * pairable.length)]!);
    const a = alphaFromCoincidences(o, values, level as MeasurementLevel);
    if (a !== null) alphas.push(a);
  }
  return percentileInterval(alphas, draws, confidence);
}

/** The same unit bootstrap at the interval level, on the units' sums of squares (agreement-interval.ts). */
function intervalBootstrap(units: IntervalUnit[], draws: number, confidence: number, seed: number): AlphaInterval | null {
  if (units.length < 2 || alphaFromIntervalUnits(units) === null) return null;
  const rnd = mulberry32(seed);
  const alphas: number[] = [];
  const sample: IntervalUnit[] = new Array(units.length);
  for (let b = 0; b < draws; b++) {
    for (let i = 0; i < units.length; i++) sample[i] = units[Math.floor(rnd() * units.length)]!;
    const a = alphaFromIntervalUnits(sample);
    if (a !== null) alphas.push(a);
  }
  return percentileInterval(alphas, draws, confidence);
}

function percentileInterval(alphas: number[], draws: number, confidence: number): AlphaInterval | null {
  if (alphas.length < 2 || alphas.length < draws / 2) return null;
  alphas.sort((x, y) => x - y);
  const tail = (1 - confidence) / 2;
  const at = (q: number) => alphas[Math.min(alphas.length - 1, Math.max(0, Math.round(q * (alphas.length - 1))))]!;
  return { low: at(tail), high: at(1 - tail), draws: alphas.length };
}
