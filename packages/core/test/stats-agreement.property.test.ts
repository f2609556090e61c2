import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { alphaBootstrapInterval, fleissCountsOf, fleissKappa, krippendorffAlpha, percentAgreement } from '../src/stats/index.ts';

const LEVELS = ['nominal', 'ordinal', 'interval', 'ratio'] as const;

/** Reliability data: 1–6 raters × 0–8 units, values 0–4 (ratio-safe), some missing. */
const reliabilityData = fc.tuple(fc.integer({ min: 1, max: 6 }), fc.integer({ min: 0, max: 8 })).chain(([raters, units]) =>
  fc.array(fc.array(fc.option(fc.integer({ min: 0, max: 4 }), { nil: null, freq: 4 }), { minLength: units, maxLength: units }), {
    minLength: raters,
    maxLength: raters
  })
);

/** Complete data (no missing values): 2–6 raters × 1–8 units. */
const completeData = fc
  .tuple(fc.integer({ min: 2, max: 6 }), fc.integer({ min: 1, max: 8 }))
  .chain(([raters, units]) =>
    fc.array(fc.array(fc.integer({ min: 0, max: 4 }), { minLength: units, maxLength: units }), { minLength: raters, maxLength: raters })
  );

/** A permutation of 0..n−1 from fast-check's shuffled subarray. */
const permuted = <T>(xs: T[], order: number[]) => order.map((i) => xs[i]!);
const withPermutations = <T>(data: T[][]) =>
  fc.tuple(
    fc.shuffledSubarray(
      data.map((_, i) => i),
      { minLength: data.length, maxLength: data.length }
    ),
    fc.shuffledSubarray(
      (data[0] ?? []).map((_, i) => i),
      { minLength: data[0]?.length ?? 0, maxLength: data[0]?.length ?? 0 }
    )
  );

const close = (a: number | null, b: number | null) => (a === null || b === null ? a === b : Math.abs(a - b) < 1e-9);

describe('agreement properties', () => {
  it('perfect agreement (every rater the same value per unit, 2+ distinct values across units) → 1 at every level', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 2, maxLength: 10 }).filter((xs) => new Set(xs).size >= 2),
        fc.integer({ min: 2, max: 6 }),
        (truth, raters) => {
          const data = Array.from({ length: raters }, () => truth.slice());
          for (const level of LEVELS) expect(krippendorffAlpha(data, level)).toBe(1);
          expect(fleissKappa(fleissCountsOf(data)!)).toBeCloseTo(1, 12);
          expect(percentAgreement(data)).toBe(1);
          // Missing values do not spoil perfect agreement while every unit keeps 2 values.
          const gappy = data.map((row, r) => row.map((v, u) => (r === u % raters && raters > 2 ? null : v)));
          for (const level of LEVELS) expect(krippendorffAlpha(gappy, level)).toBe(1);
        }
      )
    );
  });

  it('alpha and percent agreement do not depend on the order of raters or units', () => {
    fc.assert(
      fc.property(
        reliabilityData.chain((data) => fc.tuple(fc.constant(data), withPermutations(data))),
        ([data, [rowOrder, colOrder]]) => {
          const shuffled = permuted(data, rowOrder).map((row) => permuted(row, colOrder));
          for (const level of LEVELS) expect(close(krippendorffAlpha(shuffled, level), krippendorffAlpha(data, level))).toBe(true);
          expect(close(percentAgreement(shuffled), percentAgreement(data))).toBe(true);
        }
      )
    );
  });

  it('kappa does not depend on the order of units or of categories', () => {
    fc.assert(
      fc.property(
        completeData.chain((data) => {
          const counts = fleissCountsOf(data)!;
          return fc.tuple(fc.constant(counts), withPermutations(counts));
        }),
        ([counts, [unitOrder, categoryOrder]]) => {
          const shuffled = permuted(counts, unitOrder).map((row) => permuted(row, categoryOrder));
          expect(close(fleissKappa(shuffled), fleissKappa(counts))).toBe(true);
        }
      )
    );
  });

  it('alpha is null or finite and ≤ 1; kappa likewise; percent agreement null or in [0, 1]', () => {
    fc.assert(
      fc.property(reliabilityData, (data) => {
        for (const level of LEVELS) {
          const a = krippendorffAlpha(data, level);
          if (a !== null) {
            expect(Number.isFinite(a)).toBe(true);
            expect(a).toBeLessThanOrEqual(1);
          }
        }
        const p = percentAgreement(data);
        if (p !== null) expect(p >= 0 && p <= 1).toBe(true);
        const counts = fleissCountsOf(data);
        if (counts !== null) {
          const k = fleissKappa(counts);
          if (k !== null) {
            expect(Number.isFinite(k)).toBe(true);
            expect(k).toBeLessThanOrEqual(1 + 1e-12);
          }
        }
      })
    );
  });

  it('complete data: nominal alpha = 1 − (1 − κ)(nN − 1)/(nN)', () => {
    fc.assert(
      fc.property(completeData, (data) => {
        const kappa = fleissKappa(fleissCountsOf(data)!);
        const alpha = krippendorffAlpha(data, 'nominal');
        const total = data.length * data[0]!.length;
        if (kappa === null || alpha === null) expect(kappa === null && alpha === null).toBe(true);
        else expect(alpha).toBeCloseTo(1 - ((1 - kappa) * (total - 1)) / total, 9);
      })
    );
  });

  it('bootstrap: null or low ≤ high ≤ 1 with 2+ counted draws, and the same seed gives the same interval', () => {
    fc.assert(
      fc.property(reliabilityData, fc.constantFrom(...LEVELS), fc.integer(), (data, level, seed) => {
        const r = alphaBootstrapInterval(data, level, { draws: 60, seed });
        expect(alphaBootstrapInterval(data, level, { draws: 60, seed })).toEqual(r);
        if (r !== null) {
          expect(Number.isFinite(r.low) && Number.isFinite(r.high)).toBe(true);
          expect(r.low).toBeLessThanOrEqual(r.high);
          expect(r.high).toBeLessThanOrEqual(1);
          expect(r.draws).toBeGreaterThanOrEqual(30);
          expect(krippendorffAlpha(data, level)).not.toBeNull();
        }
      }),
      { numRuns: 60 }
    );
  });
});

describe('alpha at the interval level (sums of squares) equals the coincidence-matrix method', () => {
  it('agrees with the coincidence-matrix computation to 1e-9 on random data with missing values', async () => {
    const { prepare, unitCoincidences, addUnit, alphaFromCoincidences } = await import('../src/stats/agreement-data.ts');
    const { krippendorffAlpha } = await import('../src/stats/agreement.ts');
    const matrixAlpha = (data: (number | null)[][]) => {
      const { values, units } = prepare('test', data, 'interval');
      const o = new Float64Array(values.length * values.length);
      for (const u of units) {
        const c = unitCoincidences(u);
        if (c) addUnit(o, values.length, c);
      }
      return alphaFromCoincidences(o, values, 'interval');
    };
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 6 }).chain((raters) =>
          fc.integer({ min: 1, max: 8 }).chain((units) =>
            fc.array(fc.array(fc.option(fc.integer({ min: 0, max: 20 }), { freq: 4 }), { minLength: units, maxLength: units }), {
              minLength: raters,
              maxLength: raters
            })
          )
        ),
        (data) => {
          const fast = krippendorffAlpha(data, 'interval');
          const slow = matrixAlpha(data);
          if (slow === null || fast === null) expect(fast).toBe(slow);
          else expect(Math.abs(fast - slow)).toBeLessThan(1e-9);
        }
      )
    );
  });
});
