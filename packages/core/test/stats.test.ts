import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  bootstrapMeanInterval,
  MeanAccumulator,
  meanInterval,
  normalQuantile,
  studentTCdf,
  studentTQuantile,
  tIntervalFromMoments,
  wilsonInterval
} from '../src/stats/index.ts';

describe('distributions against published tables', () => {
  it('normal quantiles', () => {
    expect(normalQuantile(0.975)).toBeCloseTo(1.959963985, 8);
    expect(normalQuantile(0.995)).toBeCloseTo(2.575829304, 8);
    expect(normalQuantile(0.9)).toBeCloseTo(1.281551566, 8);
    expect(normalQuantile(0.5)).toBeCloseTo(0, 12);
    expect(normalQuantile(0.001)).toBeCloseTo(-3.090232306, 7);
    expect(() => normalQuantile(1)).toThrow(RangeError);
  });
  it('Student t quantiles', () => {
    const table: [number, number, number][] = [
      [0.975, 1, 12.706204736],
      [0.975, 2, 4.30265273],
      [0.975, 4, 2.776445105],
      [0.975, 5, 2.570581836],
      [0.975, 10, 2.228138852],
      [0.975, 30, 2.042272456],
      [0.975, 100, 1.983971519],
      [0.995, 10, 3.169272673],
      [0.95, 3, 2.353363435],
      [0.9, 20, 1.325340707]
    ];
    for (const [p, df, q] of table) expect(studentTQuantile(p, df), `t(${p}, ${df})`).toBeCloseTo(q, 7);
    expect(studentTQuantile(0.025, 10)).toBeCloseTo(-2.228138852, 7);
    // Large df approaches the normal.
    expect(studentTQuantile(0.975, 1_000_000)).toBeCloseTo(1.959966, 5);
  });
  it('the t CDF inverts the quantile', () => {
    fc.assert(
      fc.property(fc.double({ min: 0.001, max: 0.999, noNaN: true }), fc.integer({ min: 1, max: 5000 }), (p, df) => {
        expect(studentTCdf(studentTQuantile(p, df), df)).toBeCloseTo(p, 9);
      })
    );
  });
});

describe('Wilson interval', () => {
  it('matches worked examples', () => {
    const a = wilsonInterval(8, 10);
    expect(a.estimate).toBe(0.8);
    expect(a.low).toBeCloseTo(0.4902, 4);
    expect(a.high).toBeCloseTo(0.9433, 4);
    const z = wilsonInterval(0, 10);
    expect(z).toMatchObject({ n: 10, estimate: 0, low: 0 });
    expect(z.high).toBeCloseTo(0.2775, 4);
    expect(wilsonInterval(10, 10)).toMatchObject({ estimate: 1, high: 1 });
  });
  it('n = 0 says nothing', () => expect(wilsonInterval(0, 0)).toEqual({ n: 0, estimate: null, low: null, high: null }));
  it('refuses impossible counts', () => {
    expect(() => wilsonInterval(11, 10)).toThrow(/successes/);
    expect(() => wilsonInterval(1.5, 10)).toThrow(RangeError);
  });
  it('contains the estimate, stays in [0, 1], is symmetric, narrows with n', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5000 }), fc.double({ min: 0, max: 1, noNaN: true }), (n, share) => {
        const k = Math.round(share * n);
        const w = wilsonInterval(k, n);
        expect(w.low! <= w.estimate! && w.estimate! <= w.high!).toBe(true);
        expect(w.low! >= 0 && w.high! <= 1).toBe(true);
        const m = wilsonInterval(n - k, n);
        expect(m.low!).toBeCloseTo(1 - w.high!, 12);
        const big = wilsonInterval(4 * k, 4 * n);
        expect(big.high! - big.low!).toBeLessThan(w.high! - w.low!);
        expect(wilsonInterval(k, n, 0.99).high! - wilsonInterval(k, n, 0.99).low!).toBeGreaterThan(w.high! - w.low!);
      })
    );
  });
  it('covers the true proportion about 95% of the time (seeded simulation)', () => {
    let seed = 42;
    const rnd = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const p = 0.3;
    const n = 40;
    let covered = 0;
    const sims = 4000;
    for (let s = 0; s < sims; s++) {
      let k = 0;
      for (let i = 0; i < n; i++) if (rnd() < p) k++;
      const w = wilsonInterval(k, n);
      if (w.low! <= p && p <= w.high!) covered++;
    }
    expect(covered / sims).toBeGreaterThan(0.93);
    expect(covered / sims).toBeLessThan(0.97);
  });
});

describe('t interval for a mean', () => {
  it('matches a worked example', () => {
    const r = meanInterval([1, 2, 3, 4, 5]);
    expect(r.n).toBe(5);
    expect(r.estimate).toBe(3);
    // 3 ± 2.776445 · 1.581139 / √5
    expect(r.low).toBeCloseTo(1.036757, 5);
    expect(r.high).toBeCloseTo(4.963243, 5);
  });
  it('is honest with n = 0 and n = 1 and skips nulls', () => {
    expect(meanInterval([])).toEqual({ n: 0, estimate: null, low: null, high: null });
    expect(meanInterval([null, 80])).toEqual({ n: 1, estimate: 80, low: null, high: null });
  });
  it('clamps to bounds when asked', () => {
    const r = meanInterval([100, 100, 98, 100], { bounds: [0, 100] });
    expect(r.high).toBe(100);
    expect(r.low!).toBeLessThan(r.estimate!);
  });
  it('streaming equals batch, contains the estimate, narrows with n', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: 100, noNaN: true }), { minLength: 2, maxLength: 200 }), (xs) => {
        const acc = new MeanAccumulator();
        xs.forEach((x) => acc.add(x));
        const a = acc.interval();
        const b = meanInterval(xs);
        expect(a.estimate).toBeCloseTo(b.estimate!, 9);
        const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
        expect(a.estimate!).toBeCloseTo(mean, 9);
        expect(a.low! <= a.estimate! + 1e-9 && a.estimate! <= a.high! + 1e-9).toBe(true);
        // The same observations seen four times: same mean and spread, four times the evidence.
        const more = meanInterval([...xs, ...xs, ...xs, ...xs]);
        expect(more.high! - more.low!).toBeLessThanOrEqual(a.high! - a.low! + 1e-9);
      })
    );
  });
  it('a constant sample has a zero-width interval', () => {
    expect(tIntervalFromMoments({ n: 10, mean: 70, m2: 0 })).toEqual({ n: 10, estimate: 70, low: 70, high: 70 });
  });
});

describe('bootstrap interval', () => {
  it('is reproducible from its seed and close to t for symmetric data', () => {
    const xs = Array.from({ length: 200 }, (_, i) => 50 + 30 * Math.sin(i * 1.7));
    const a = bootstrapMeanInterval(xs, { seed: 7 });
    expect(bootstrapMeanInterval(xs, { seed: 7 })).toEqual(a);
    const t = meanInterval(xs);
    expect(a.low!).toBeCloseTo(t.low!, 0);
    expect(a.high!).toBeCloseTo(t.high!, 0);
    expect(bootstrapMeanInterval([])).toEqual({ n: 0, estimate: null, low: null, high: null });
  });
});
