import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { binomialCdf, mulberry32, quantileInterval } from '../src/stats/index.ts';
import { reachabilityFigures, type ReachabilityCall } from '../src/mystery/reachability/reachability-figures.ts';
import { importedServiceLevel } from '../src/mystery/reachability/imported-service-level.ts';
import { scenarioRates } from '../src/mystery/reachability/scenario-rates.ts';

const ZONE = 'Europe/Amsterdam';
const opts = { timeZone: ZONE, targetSeconds: 20 };

/** A mystery call dialled at `iso`, answered after `seconds` (null: never answered). */
const call = (iso: string, seconds: number | null, extra: Partial<ReachabilityCall> = {}): ReachabilityCall => ({
  dialledAt: new Date(iso),
  outcome: seconds == null ? 'never_answered' : 'answered',
  answeredAt: seconds == null ? null : new Date(Date.parse(iso) + seconds * 1000),
  menuSteps: 0,
  transfers: 0,
  ...extra
});

const arbCall: fc.Arbitrary<ReachabilityCall> = fc
  .record({
    at: fc.integer({ min: Date.UTC(2026, 0, 1), max: Date.UTC(2026, 11, 31) }),
    outcome: fc.constantFrom('answered' as const, 'never_answered' as const, 'gave_up' as const),
    seconds: fc.integer({ min: 0, max: 900 }),
    menuSteps: fc.integer({ min: 0, max: 6 }),
    transfers: fc.integer({ min: 0, max: 4 })
  })
  .map((r) => ({
    dialledAt: new Date(r.at),
    outcome: r.outcome,
    answeredAt: r.outcome === 'answered' ? new Date(r.at + r.seconds * 1000) : null,
    menuSteps: r.menuSteps,
    transfers: r.transfers
  }));

describe('reachability figures', () => {
  it('counts service level over all calls, answer times over answered ones, in local weekday × hour', () => {
    const r = reachabilityFigures(
      [
        call('2026-11-02T07:30:00Z', 10, { menuSteps: 2 }), // Monday 08:30 in Amsterdam (UTC+1)
        call('2026-11-02T07:45:00Z', 40, { menuSteps: 3, transfers: 1 }),
        call('2026-11-02T07:50:00Z', null, { menuSteps: 1 }),
        call('2026-11-06T15:10:00Z', 20) // Friday 16:10; exactly on target counts as within
      ],
      opts
    );
    expect(r.overall.n).toBe(4);
    expect(r.overall.serviceLevel.estimate).toBe(0.5);
    expect(r.overall.neverReached.estimate).toBe(0.25);
    expect(r.overall.meanAnswerSeconds.estimate).toBeCloseTo(70 / 3, 10);
    expect(r.overall.menuSteps.estimate).toBe(1.5);
    expect(r.overall.transfers.estimate).toBeCloseTo(1 / 3, 10);
    expect(r.cells.map((c) => [c.weekday, c.hour, c.n])).toEqual([
      [1, 8, 3],
      [5, 16, 1]
    ]);
    expect(r.cells[0]!.serviceLevel.estimate).toBeCloseTo(1 / 3, 10);
  });

  it('cuts hours on the local clock across the change to winter time', () => {
    // Sunday 25 October 2026: 00:30Z is 02:30 summer time, 01:30Z is 02:30 winter time.
    const r = reachabilityFigures(
      [call('2026-10-25T00:30:00Z', 5), call('2026-10-25T01:30:00Z', 5), call('2026-10-24T22:30:00Z', 5)],
      opts
    );
    // 22:30Z on the 24th is already Sunday 00:30 local.
    expect(r.cells.map((c) => [c.weekday, c.hour, c.n])).toEqual([
      [7, 0, 1],
      [7, 2, 2]
    ]);
  });

  it('nothing to say without calls: estimates are null, no cells', () => {
    const r = reachabilityFigures([], opts);
    expect(r.overall).toMatchObject({ n: 0, serviceLevel: { estimate: null }, p90AnswerSeconds: { estimate: null } });
    expect(r.cells).toEqual([]);
  });

  it('properties: cells add up to the whole; shares in [0, 1]; reached + never reached = all', () => {
    fc.assert(
      fc.property(fc.array(arbCall, { maxLength: 60 }), fc.integer({ min: 0, max: 120 }), (calls, targetSeconds) => {
        const r = reachabilityFigures(calls, { timeZone: ZONE, targetSeconds });
        expect(r.cells.reduce((s, c) => s + c.n, 0)).toBe(calls.length);
        expect(r.overall.n).toBe(calls.length);
        for (const f of [r.overall, ...r.cells]) {
          for (const e of [f.serviceLevel, f.neverReached]) {
            if (e.estimate == null) continue;
            expect(e.estimate).toBeGreaterThanOrEqual(0);
            expect(e.estimate).toBeLessThanOrEqual(1);
            expect(e.low!).toBeLessThanOrEqual(e.estimate);
            expect(e.high!).toBeGreaterThanOrEqual(e.estimate);
          }
          // Within target implies reached: the service level never exceeds the share reached.
          if (f.n) expect(f.serviceLevel.estimate! + f.neverReached.estimate!).toBeLessThanOrEqual(1 + 1e-12);
        }
        const answered = calls.filter((c) => c.outcome === 'answered').length;
        if (calls.length) expect(r.overall.neverReached.estimate! * calls.length).toBeCloseTo(calls.length - answered, 9);
        expect(r.overall.meanAnswerSeconds.n).toBe(answered);
      })
    );
  });

  it('properties: a call within target never lowers the service level; a missed call never raises it', () => {
    fc.assert(
      fc.property(fc.array(arbCall, { maxLength: 40 }), arbCall, fc.integer({ min: 0, max: 20 }), (calls, extra, secs) => {
        const before = reachabilityFigures(calls, opts).overall.serviceLevel.estimate ?? 0;
        const hit = { ...extra, outcome: 'answered' as const, answeredAt: new Date(extra.dialledAt.getTime() + secs * 1000) };
        const miss = { ...extra, outcome: 'gave_up' as const, answeredAt: null };
        expect(reachabilityFigures([...calls, hit], opts).overall.serviceLevel.estimate!).toBeGreaterThanOrEqual(before);
        if (calls.length) expect(reachabilityFigures([...calls, miss], opts).overall.serviceLevel.estimate!).toBeLessThanOrEqual(before);
      })
    );
  });

  it('the order of the calls does not matter', () => {
    fc.assert(
      fc.property(fc.array(arbCall, { maxLength: 30 }), (calls) => {
        // Means are summed in another order: equal up to rounding, so compared to 6 decimals.
        const round = (x: unknown) => JSON.stringify(x, (_, v) => (typeof v === 'number' ? Math.round(v * 1e6) / 1e6 : v));
        expect(round(reachabilityFigures([...calls].reverse(), opts))).toBe(round(reachabilityFigures(calls, opts)));
      })
    );
  });
});

describe('quantile with a distribution-free interval', () => {
  it('binomial CDF agrees with the sum of the terms', () => {
    const n = 30;
    const q = 0.9;
    let sum = 0;
    let choose = 1;
    for (let k = 0; k <= n; k++) {
      if (k > 0) choose = (choose * (n - k + 1)) / k;
      sum += choose * q ** k * (1 - q) ** (n - k);
      expect(binomialCdf(k, n, q)).toBeCloseTo(sum, 10);
    }
  });

  it('the 90th percentile of 1..100 is 90, its interval brackets it, and needs 36 values for an upper end', () => {
    const r = quantileInterval(
      Array.from({ length: 100 }, (_, i) => 100 - i),
      0.9
    );
    expect(r.estimate).toBe(90);
    expect(r.low!).toBeLessThan(90);
    expect(r.high!).toBeGreaterThan(90);
    expect(quantileInterval([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.9).high).toBeNull();
    expect(
      quantileInterval(
        Array.from({ length: 35 }, (_, i) => i),
        0.9
      ).high
    ).toBeNull();
    expect(
      quantileInterval(
        Array.from({ length: 36 }, (_, i) => i),
        0.9
      ).high
    ).toBe(35);
    expect(quantileInterval([], 0.9)).toEqual({ n: 0, estimate: null, low: null, high: null });
  });

  it('covers the true 90th percentile at least 95% of the time (exponential waits, n = 60)', () => {
    const rnd = mulberry32(13);
    const truth = -Math.log(0.1) * 30; // exponential with mean 30 s
    let covered = 0;
    const runs = 2000;
    for (let i = 0; i < runs; i++) {
      const xs = Array.from({ length: 60 }, () => -Math.log(1 - rnd()) * 30);
      const r = quantileInterval(xs, 0.9);
      if (r.low! <= truth && truth <= r.high!) covered++;
    }
    expect(covered / runs).toBeGreaterThanOrEqual(0.94);
  });

  it('properties: low ≤ estimate ≤ high, all among the values', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 600 }), { minLength: 1, maxLength: 300 }), (xs) => {
        const r = quantileInterval(xs, 0.9);
        expect(xs).toContain(r.estimate);
        if (r.low != null) expect(r.low).toBeLessThanOrEqual(r.estimate!);
        if (r.high != null) expect(r.high).toBeGreaterThanOrEqual(r.estimate!);
      })
    );
  });
});

describe("imported calls' service level", () => {
  it('folds UTC hour buckets into local weekday × hour cells', () => {
    const h = (iso: string) => Date.parse(iso);
    const r = importedServiceLevel(
      [
        { hourStart: h('2026-11-02T07:00:00Z'), count: 10, within: 8, sumSeconds: 150, sumSquares: 3000 },
        { hourStart: h('2026-11-09T07:00:00Z'), count: 10, within: 2, sumSeconds: 400, sumSquares: 20000 },
        { hourStart: h('2026-11-06T15:00:00Z'), count: 5, within: 5, sumSeconds: 25, sumSquares: 125 }
      ],
      ZONE
    );
    expect(r.n).toBe(25);
    expect(r.serviceLevel.estimate).toBeCloseTo(15 / 25, 12);
    expect(r.meanAnswerSeconds.estimate).toBeCloseTo(575 / 25, 12);
    expect(r.cells).toEqual([
      expect.objectContaining({ weekday: 1, hour: 8, n: 20, serviceLevel: expect.objectContaining({ estimate: 0.5 }) }),
      expect.objectContaining({ weekday: 5, hour: 16, n: 5, serviceLevel: expect.objectContaining({ estimate: 1 }) })
    ]);
  });
});

describe('scenario rates', () => {
  it('rates over answered calls where recorded, per scenario and per program', () => {
    const r = scenarioRates([
      { scenarioId: 1, programId: 7, outcome: 'answered', rightAnswerGiven: true, opportunityTaken: false },
      { scenarioId: 1, programId: 7, outcome: 'answered', rightAnswerGiven: false, opportunityTaken: null },
      { scenarioId: 1, programId: 7, outcome: 'never_answered', rightAnswerGiven: null, opportunityTaken: null },
      { scenarioId: 2, programId: 7, outcome: 'answered', rightAnswerGiven: true, opportunityTaken: true }
    ]);
    expect(r.scenarios.find((s) => s.scenarioId === 1)).toMatchObject({
      calls: 3,
      answered: 2,
      rightAnswer: { n: 2, estimate: 0.5 },
      opportunityTaken: { n: 1, estimate: 0 }
    });
    expect(r.perProgram).toEqual([
      expect.objectContaining({ programId: 7, calls: 4, answered: 3, rightAnswer: expect.objectContaining({ n: 3 }) })
    ]);
  });
});
