import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  balanceCents,
  centsFor,
  hundredths,
  stepsOf,
  targetOutcome,
  verdictOf,
  type MeasuredHundredths,
  type MoneyRule,
  type Verdict
} from '../src/client-audit/verdict.ts';

/**
 * The contract verdict and its money (docs/client-audit.md, "Verdicts and money"): edges first, then the
 * invariants the client relies on — shifting everything by the same amount changes nothing, an easier target
 * never makes a verdict worse, inconclusive moves no money, and every amount is exact whole cents.
 */
const m = (estimate: number | null, low: number | null, high: number | null): MeasuredHundredths => ({ estimate, low, high });
const rule = (over: Partial<MoneyRule> = {}): MoneyRule => ({
  step: 200,
  maxSteps: 3,
  kind: 'percent',
  bonusPerStep: 100,
  malusPerStep: 150,
  ...over
});
const FEE = 4_500_000;

describe('verdict edges (whole hundredths)', () => {
  it('higher is better: the interval touching the target from above meets it; from below is inconclusive', () => {
    expect(verdictOf(m(8300, 8000, 8600), 8000, true)).toBe('met'); // low == target
    expect(verdictOf(m(7700, 7400, 8000), 8000, true)).toBe('inconclusive'); // high == target: 80 is still possible
    expect(verdictOf(m(7700, 7400, 7999), 8000, true)).toBe('missed');
    expect(verdictOf(m(8000, 8000, 8000), 8000, true)).toBe('met'); // an interval of one point on the target
  });
  it('lower is better (a ceiling): high == target meets it; low == target is inconclusive', () => {
    expect(verdictOf(m(300, 100, 500), 500, false)).toBe('met');
    expect(verdictOf(m(700, 500, 900), 500, false)).toBe('inconclusive');
    expect(verdictOf(m(700, 501, 900), 500, false)).toBe('missed');
  });
  it('straddling the target is inconclusive and moves no money, however far the estimate is', () => {
    for (const hib of [true, false]) {
      const o = targetOutcome(m(9900, 100, 9950), 8000, hib, rule({ kind: 'amount', bonusPerStep: 50_000, malusPerStep: 50_000 }), FEE);
      expect(o).toEqual({ verdict: 'inconclusive', steps: 0, bonusCents: 0, malusCents: 0 });
    }
  });
  it('no interval (too few observations) is inconclusive, with or without an estimate', () => {
    expect(verdictOf(m(9000, null, null), 8000, true)).toBe('inconclusive');
    expect(verdictOf(m(null, null, null), 8000, false)).toBe('inconclusive');
    expect(verdictOf(m(9000, 8500, null), 8000, true)).toBe('inconclusive');
    expect(targetOutcome(m(null, null, null), 8000, true, rule(), FEE)).toEqual({
      verdict: 'inconclusive',
      steps: 0,
      bonusCents: 0,
      malusCents: 0
    });
  });
  it('steps: one for clearing the target, one more per whole step beyond, capped at maxSteps', () => {
    // QA score 80, step 2 points, max 3: 80.00 → 1 step, 81.99 → 1, 82.00 → 2, 84.00 → 3, 99 → 3.
    expect(stepsOf('met', 8000, 8000, { step: 200, maxSteps: 3 })).toBe(1);
    expect(stepsOf('met', 8199, 8000, { step: 200, maxSteps: 3 })).toBe(1);
    expect(stepsOf('met', 8200, 8000, { step: 200, maxSteps: 3 })).toBe(2);
    expect(stepsOf('met', 8400, 8000, { step: 200, maxSteps: 3 })).toBe(3);
    expect(stepsOf('met', 9900, 8000, { step: 200, maxSteps: 3 })).toBe(3);
    expect(stepsOf('missed', 7500, 8000, { step: 200, maxSteps: 3 })).toBe(3);
    expect(stepsOf('inconclusive', 9900, 8000, { step: 200, maxSteps: 3 })).toBe(0);
  });
  it('money: 1% of a €45,000 fee per step is €450; 1.5% malus is €675; half cents round half up', () => {
    expect(targetOutcome(m(8300, 8100, 8500), 8000, true, rule(), FEE)).toEqual({
      verdict: 'met',
      steps: 2,
      bonusCents: 90_000,
      malusCents: 0
    });
    expect(targetOutcome(m(7500, 7300, 7700), 8000, true, rule(), FEE)).toEqual({
      verdict: 'missed',
      steps: 3,
      bonusCents: 0,
      malusCents: 202_500
    });
    expect(centsFor(1, 1, 'percent', 50)).toBe(0); // 0.005 cent
    expect(centsFor(1, 1, 'percent', 5_000)).toBe(1); // 0.5 cent → 1
    expect(centsFor(1, 1, 'percent', 4_999)).toBe(0); // 0.4999 cent → 0
    expect(centsFor(3, 50_000, 'amount', FEE)).toBe(150_000);
  });
  it('hundredths puts two-decimal figures on whole numbers, so 0.1 + 0.2 is 30', () => {
    expect(hundredths(0.1 + 0.2)).toBe(30);
    expect(hundredths(80.29)).toBe(8029);
    expect(hundredths(-37.5)).toBe(-3750);
  });
});

// Arbitraries in whole hundredths: an interval low ≤ estimate ≤ high, a target, a money rule, a fee.
const interval = fc
  .tuple(fc.integer({ min: -20_000, max: 20_000 }), fc.integer({ min: -20_000, max: 20_000 }), fc.integer({ min: -20_000, max: 20_000 }))
  .map(([a, b, c]) => [a, b, c].sort((x, y) => x - y) as [number, number, number])
  .map(([low, estimate, high]) => m(estimate, low, high));
const measured = fc.oneof({ weight: 9, arbitrary: interval }, { weight: 1, arbitrary: fc.constant(m(null, null, null)) });
const target = fc.integer({ min: -20_000, max: 20_000 });
const moneyRule = fc.record({
  step: fc.integer({ min: 1, max: 10_000 }),
  maxSteps: fc.integer({ min: 1, max: 100 }),
  kind: fc.constantFrom('amount' as const, 'percent' as const),
  bonusPerStep: fc.integer({ min: 0, max: 10_000 }),
  malusPerStep: fc.integer({ min: 0, max: 10_000 })
});
const amountRule = fc.record({
  step: fc.integer({ min: 1, max: 10_000 }),
  maxSteps: fc.integer({ min: 1, max: 100 }),
  kind: fc.constant('amount' as const),
  bonusPerStep: fc.integer({ min: 0, max: 10_000_000_000 }),
  malusPerStep: fc.integer({ min: 0, max: 10_000_000_000 })
});
// The largest fee the contract schema accepts (€1 billion a month).
const fee = fc.oneof(fc.integer({ min: 0, max: 10_000_000 }), fc.integer({ min: 0, max: 100_000_000_000 }));
const RANK: Record<Verdict, number> = { missed: 0, inconclusive: 1, met: 2 };
const shift = (x: MeasuredHundredths, k: number) =>
  m(x.estimate == null ? null : x.estimate + k, x.low == null ? null : x.low + k, x.high == null ? null : x.high + k);

describe('verdict invariants (fast-check)', () => {
  it('shifting value, interval and target by the same whole amount changes neither verdict, steps nor money', () => {
    fc.assert(
      fc.property(measured, target, fc.integer({ min: -50_000, max: 50_000 }), fc.boolean(), moneyRule, fee, (x, t, k, hib, r, f) => {
        expect(targetOutcome(shift(x, k), t + k, hib, r, f)).toEqual(targetOutcome(x, t, hib, r, f));
      })
    );
  });
  it('the same holds for two-decimal figures in the metric unit once put in hundredths', () => {
    fc.assert(
      fc.property(interval, target, fc.integer({ min: -50_000, max: 50_000 }), fc.boolean(), (x, t, k, hib) => {
        const inUnit = (h: number | null) => (h == null ? null : h / 100);
        const back = (v: number | null) => (v == null ? null : hundredths(v));
        const shifted = m(back(inUnit(x.estimate)! + k / 100), back(inUnit(x.low)! + k / 100), back(inUnit(x.high)! + k / 100));
        expect(verdictOf(shifted, hundredths(t / 100 + k / 100), hib)).toBe(verdictOf(x, t, hib));
      })
    );
  });
  it('lowering a higher-is-better target never makes a verdict worse (met stays met); raising a ceiling likewise', () => {
    fc.assert(
      fc.property(measured, target, fc.integer({ min: 0, max: 20_000 }), (x, t, d) => {
        const floor = [verdictOf(x, t, true), verdictOf(x, t - d, true)];
        expect(RANK[floor[1]!]).toBeGreaterThanOrEqual(RANK[floor[0]!]);
        if (floor[0] === 'met') expect(floor[1]).toBe('met');
        const ceiling = [verdictOf(x, t, false), verdictOf(x, t + d, false)];
        expect(RANK[ceiling[1]!]).toBeGreaterThanOrEqual(RANK[ceiling[0]!]);
        if (ceiling[0] === 'met') expect(ceiling[1]).toBe('met');
      })
    );
  });
  it('inconclusive never moves money; met moves only a bonus, missed only a malus; 1 ≤ steps ≤ maxSteps when conclusive', () => {
    fc.assert(
      fc.property(measured, target, fc.boolean(), moneyRule, fee, (x, t, hib, r, f) => {
        const o = targetOutcome(x, t, hib, r, f);
        if (o.verdict === 'inconclusive') expect(o).toEqual({ verdict: 'inconclusive', steps: 0, bonusCents: 0, malusCents: 0 });
        else {
          expect(o.steps).toBeGreaterThanOrEqual(1);
          expect(o.steps).toBeLessThanOrEqual(r.maxSteps);
        }
        if (o.verdict !== 'met') expect(o.bonusCents).toBe(0);
        if (o.verdict !== 'missed') expect(o.malusCents).toBe(0);
      })
    );
  });
  it('a percentage of the fee is exact whole cents, equal to a BigInt reference (round half up), never a float', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100 }), fc.integer({ min: 0, max: 10_000 }), fee, (steps, bp, f) => {
        const cents = centsFor(steps, bp, 'percent', f);
        const exact = BigInt(f) * BigInt(bp) * BigInt(steps);
        const whole = exact / 10_000n;
        const reference = exact % 10_000n >= 5_000n ? whole + 1n : whole;
        expect(Number.isSafeInteger(cents)).toBe(true);
        expect(BigInt(cents)).toBe(reference);
      })
    );
  });
  it('the balance is exactly Σ bonus − Σ malus over up to 20 targets, every amount a safe integer', () => {
    const outcome = fc.tuple(measured, target, fc.boolean(), fc.oneof(moneyRule, amountRule));
    fc.assert(
      fc.property(fc.array(outcome, { minLength: 0, maxLength: 20 }), fee, (targets, f) => {
        const outcomes = targets.map(([x, t, hib, r]) => targetOutcome(x, t, hib, r, f));
        for (const o of outcomes) {
          expect(Number.isSafeInteger(o.bonusCents)).toBe(true);
          expect(Number.isSafeInteger(o.malusCents)).toBe(true);
          expect(o.bonusCents).toBeGreaterThanOrEqual(0);
          expect(o.malusCents).toBeGreaterThanOrEqual(0);
        }
        const reference = outcomes.reduce((s, o) => s + BigInt(o.bonusCents) - BigInt(o.malusCents), 0n);
        const balance = balanceCents(outcomes);
        expect(Number.isSafeInteger(balance)).toBe(true);
        expect(BigInt(balance)).toBe(reference);
      })
    );
  });
});
