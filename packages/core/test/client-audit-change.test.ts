import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { changeOf } from '../src/client-audit/change.ts';

const est = (estimate: number, low: number, high: number, n = 100) => ({ n, estimate, low, high });

describe('changeOf: is a change larger than the noise', () => {
  it('hand-computed: two intervals of half-width 1.96 (se 1 each) → margin 1.96·√2 ≈ 2.772', () => {
    // se of the difference √2 ≈ 1.414; 95% margin ≈ 2.772 points.
    expect(changeOf(est(80, 78.04, 81.96), est(82.7, 80.74, 84.66))).toMatchObject({
      difference: expect.closeTo(2.7, 9),
      largerThanNoise: false
    });
    expect(changeOf(est(80, 78.04, 81.96), est(82.8, 80.84, 84.76))).toMatchObject({
      difference: expect.closeTo(2.8, 9),
      largerThanNoise: true
    });
    expect(changeOf(est(80, 78.04, 81.96), est(77.2, 75.24, 79.16))).toMatchObject({ from: 80, to: 77.2, largerThanNoise: true });
  });
  it('overlapping intervals can still differ by more than the noise (the rule is not "intervals overlap")', () => {
    // Intervals 78–82 and 81.5–85.5 overlap, yet the difference 3.5 > 1.96·√(1.02²+1.02²) ≈ 2.83.
    expect(changeOf(est(80, 78, 82), est(83.5, 81.5, 85.5))!.largerThanNoise).toBe(true);
  });
  it('an asymmetric interval contributes its mean half-width', () => {
    // (90−70)/2 = 10 half-width → se ≈ 5.10; other se 0 → margin 10.
    expect(changeOf(est(85, 70, 90), est(95.1, 95.1, 95.1))!.largerThanNoise).toBe(true);
    expect(changeOf(est(85, 70, 90), est(94.9, 94.9, 94.9))!.largerThanNoise).toBe(false);
  });
  it('null when either month lacks an estimate or an interval', () => {
    expect(changeOf({ n: 0, estimate: null, low: null, high: null }, est(80, 79, 81))).toBeNull();
    expect(changeOf(est(80, 79, 81), { n: 1, estimate: 70, low: null, high: null })).toBeNull();
  });
  it('equal estimates are never larger than the noise, even with zero-width intervals', () => {
    expect(changeOf(est(50, 50, 50), est(50, 50, 50))!.largerThanNoise).toBe(false);
  });

  const estimate = fc
    .record({
      value: fc.double({ min: -100, max: 100, noNaN: true }),
      lowBy: fc.double({ min: 0, max: 50, noNaN: true }),
      highBy: fc.double({ min: 0, max: 50, noNaN: true })
    })
    .map(({ value, lowBy, highBy }) => est(value, value - lowBy, value + highBy));

  it('property: swapping the months negates the difference and keeps the verdict', () => {
    fc.assert(
      fc.property(estimate, estimate, (a, b) => {
        const ab = changeOf(a, b)!;
        const ba = changeOf(b, a)!;
        expect(ba.difference).toBeCloseTo(-ab.difference, 9);
        expect(ba.largerThanNoise).toBe(ab.largerThanNoise);
      })
    );
  });
  it('property: zero-width intervals on both sides and any difference ≠ 0 is larger than the noise', () => {
    fc.assert(
      fc.property(fc.double({ min: -100, max: 100, noNaN: true }), fc.double({ min: -100, max: 100, noNaN: true }), (x, y) => {
        fc.pre(x !== y);
        expect(changeOf(est(x, x, x), est(y, y, y))!.largerThanNoise).toBe(true);
      })
    );
  });
  it('property: widening either interval never turns "within the noise" into "larger"', () => {
    fc.assert(
      fc.property(estimate, estimate, fc.double({ min: 0, max: 20, noNaN: true }), (a, b, w) => {
        const wider = { ...b, low: b.low! - w, high: b.high! + w };
        if (!changeOf(a, b)!.largerThanNoise) expect(changeOf(a, wider)!.largerThanNoise).toBe(false);
      })
    );
  });
});
