import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { type PlanMonthInput, planMonth } from '../src/mystery/plans/plan-month.ts';

/**
 * The planner's promises, checked against Intl directly (not the planner's own zone math): windows in
 * the month and in their cell, proportional counts, no scenario too often, shoppers balanced, reproducible.
 */

// Known gap (issue 13 note): where daylight saving starts at a non-whole hour (Pacific/Chatham at 02:45, Australia/
// Lord_Howe by 30 minutes) a window planned in the hour of the change can start in the next hour; those zones are
// left out here until the planner handles a partly missing hour.
const zones = ['Europe/Amsterdam', 'UTC', 'America/New_York', 'Asia/Kolkata', 'Australia/Sydney', 'America/St_Johns'];
const WEEKDAYS: Record<string, number> = { Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6, Sun: 7 };

const formats = new Map(
  zones.map((timeZone) => [
    timeZone,
    new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', weekday: 'short', hour: '2-digit' })
  ])
);
function localOf(instant: Date, timeZone: string) {
  const parts = Object.fromEntries(
    formats
      .get(timeZone)!
      .formatToParts(instant)
      .map((p) => [p.type, p.value])
  );
  return { month: `${parts.year}-${parts.month}`, weekday: WEEKDAYS[parts.weekday!]!, hour: Number(parts.hour) };
}

const cellArb = fc.record({
  weekday: fc.integer({ min: 1, max: 7 }),
  hour: fc.integer({ min: 0, max: 23 }),
  weight: fc.integer({ min: 0, max: 50 })
});
const inputArb: fc.Arbitrary<PlanMonthInput> = fc
  .record({
    month: fc
      .tuple(fc.integer({ min: 2024, max: 2030 }), fc.integer({ min: 1, max: 12 }))
      .map(([y, m]) => `${y}-${String(m).padStart(2, '0')}`),
    timeZone: fc.constantFrom(...zones),
    calls: fc.integer({ min: 0, max: 200 }),
    weights: fc.uniqueArray(cellArb, { minLength: 1, maxLength: 30, selector: (c) => `${c.weekday}:${c.hour}` }),
    scenarios: fc.uniqueArray(
      fc.record({
        versionId: fc.integer({ min: 1, max: 1000 }),
        difficulty: fc.constantFrom('easy' as const, 'medium' as const, 'hard' as const)
      }),
      { minLength: 1, maxLength: 8, selector: (s) => s.versionId }
    ),
    shopperIds: fc.uniqueArray(fc.integer({ min: 1, max: 500 }), { minLength: 1, maxLength: 6 }),
    windowMinutes: fc.option(fc.integer({ min: 1, max: 60 }), { nil: undefined }),
    seed: fc.string({ minLength: 1, maxLength: 12 })
  })
  // A plan needs somewhere to put its calls.
  .filter((i) => i.calls === 0 || i.weights.some((c) => c.weight > 0));

const countBy = <T>(xs: T[], key: (x: T) => string | number) => {
  const out = new Map<string | number, number>();
  for (const x of xs) out.set(key(x), (out.get(key(x)) ?? 0) + 1);
  return out;
};

/** `calls` calls in one weekday × hour of a month in Amsterdam, one scenario, two shoppers. */
const oneCellInAmsterdam = (month: string, cell: { weekday: number; hour: number }, calls: number) =>
  planMonth({
    month,
    timeZone: 'Europe/Amsterdam',
    calls,
    weights: [{ ...cell, weight: 1 }],
    scenarios: [{ versionId: 1, difficulty: 'easy' }],
    shopperIds: [3, 4],
    seed: 's'
  });

describe('planMonth', () => {
  it('plans exactly the number of calls, each window inside the month and inside its weekday × hour cell', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const plan = planMonth(input);
        expect(plan).toHaveLength(input.calls);
        const minutes = input.windowMinutes ?? 60;
        for (const p of plan) {
          expect(p.windowEnd.getTime() - p.windowStart.getTime()).toBe(minutes * 60_000);
          const first = localOf(p.windowStart, input.timeZone);
          const last = localOf(new Date(p.windowEnd.getTime() - 1), input.timeZone);
          expect(first).toEqual({ month: input.month, weekday: p.weekday, hour: p.hour });
          expect(last).toEqual(first);
          expect(input.weights.some((c) => c.weekday === p.weekday && c.hour === p.hour && c.weight > 0)).toBe(true);
        }
      }),
      { numRuns: 150 }
    );
  });

  it('divides calls over cells by largest remainder: each within 1 of calls × weight / Σweight', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const plan = planMonth(input);
        const total = input.weights.reduce((s, c) => s + c.weight, 0);
        const counts = countBy(plan, (p) => p.weekday * 24 + p.hour);
        for (const c of input.weights) {
          const n = counts.get(c.weekday * 24 + c.hour) ?? 0;
          if (c.weight === 0) expect(n).toBe(0);
          else {
            const exact = (input.calls * c.weight) / total;
            expect(n === Math.floor(exact) || n === Math.ceil(exact)).toBe(true);
          }
        }
      }),
      { numRuns: 150 }
    );
  });

  it('uses no scenario more than ⌈calls / scenarios⌉ times, balances shoppers within 1, and repeats a scenario for a shopper only when the others are used up', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const plan = planMonth(input);
        const cap = Math.ceil(input.calls / input.scenarios.length);
        for (const n of countBy(plan, (p) => p.scenarioVersionId).values()) expect(n).toBeLessThanOrEqual(cap);
        const perShopper = input.shopperIds.map((id) => plan.filter((p) => p.shopperId === id).length);
        expect(Math.max(...perShopper) - Math.min(...perShopper)).toBeLessThanOrEqual(1);
        // Replay in order: a repeat is allowed only when every other scenario had reached the cap.
        const used = new Map<number, number>();
        const last = new Map<number, number>();
        for (const p of plan) {
          if (last.get(p.shopperId) === p.scenarioVersionId) {
            const others = input.scenarios.filter((s) => s.versionId !== p.scenarioVersionId);
            for (const s of others) expect(used.get(s.versionId) ?? 0).toBe(cap);
          }
          used.set(p.scenarioVersionId, (used.get(p.scenarioVersionId) ?? 0) + 1);
          last.set(p.shopperId, p.scenarioVersionId);
        }
      }),
      { numRuns: 150 }
    );
  });

  it('gives the same plan for a seed, whatever order the cells, scenarios and shoppers come in', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const shuffled = {
          ...input,
          weights: [...input.weights].reverse(),
          scenarios: [...input.scenarios].reverse(),
          shopperIds: [...input.shopperIds].reverse()
        };
        expect(planMonth(shuffled)).toEqual(planMonth(input));
      }),
      { numRuns: 60 }
    );
  });

  // The seed only breaks ties (which dates of a cell, which scenario next), so two seeds may give the same
  // plan; across many seeds it must matter.
  it('lets the seed break the ties: not every seed gives the same plan', () => {
    const base: PlanMonthInput = {
      month: '2027-03',
      timeZone: 'Europe/Amsterdam',
      calls: 40,
      weights: [
        { weekday: 1, hour: 9, weight: 3 },
        { weekday: 3, hour: 14, weight: 2 },
        { weekday: 5, hour: 17, weight: 1 }
      ],
      scenarios: [
        { versionId: 1, difficulty: 'easy' },
        { versionId: 2, difficulty: 'medium' },
        { versionId: 3, difficulty: 'hard' },
        { versionId: 4, difficulty: 'easy' }
      ],
      shopperIds: [10, 11, 12],
      seed: ''
    };
    const plans = new Set(Array.from({ length: 20 }, (_, i) => JSON.stringify(planMonth({ ...base, seed: `seed-${i}` }))));
    expect(plans.size).toBeGreaterThan(1);
  });

  it('skips the hour that daylight saving removes, and spreads a cell over its dates before doubling up', () => {
    // 28 March 2027 is the last Sunday of March: 02:00–03:00 does not exist in Amsterdam.
    const plan = oneCellInAmsterdam('2027-03', { weekday: 7, hour: 2 }, 6);
    const dates = plan.map((p) => p.windowStart.toISOString());
    // Sundays 7, 14, 21 (the 28th has no 02:00): each twice.
    expect([...countBy(dates, (d) => d).values()]).toEqual([2, 2, 2]);
    expect(dates.some((d) => d.startsWith('2027-03-28'))).toBe(false);
    expect(plan[0]!.windowStart.toISOString()).toBe('2027-03-07T01:00:00.000Z');
  });

  it('gives a Friday 17:00 grid cell its calls at 17:00 local time', () => {
    const plan = oneCellInAmsterdam('2027-01', { weekday: 5, hour: 17 }, 5);
    // Fridays of January 2027: 1, 8, 15, 22, 29 — one call each, 16:00 UTC (CET = UTC+1).
    expect(plan.map((p) => p.windowStart.toISOString())).toEqual(
      [1, 8, 15, 22, 29].map((d) => `2027-01-${String(d).padStart(2, '0')}T16:00:00.000Z`)
    );
  });

  it('refuses input a caller should have refused, naming it', () => {
    const ok: PlanMonthInput = {
      month: '2027-01',
      timeZone: 'UTC',
      calls: 1,
      weights: [{ weekday: 1, hour: 9, weight: 1 }],
      scenarios: [{ versionId: 1, difficulty: 'easy' }],
      shopperIds: [1],
      seed: 's'
    };
    expect(() => planMonth({ ...ok, month: '2027-13' })).toThrow(/month/);
    expect(() => planMonth({ ...ok, weights: [{ weekday: 1, hour: 9, weight: 0 }] })).toThrow(/weight above 0/);
    expect(() => planMonth({ ...ok, scenarios: [] })).toThrow(/scenario/);
    expect(() => planMonth({ ...ok, shopperIds: [] })).toThrow(/shopper/);
    expect(() => planMonth({ ...ok, windowMinutes: 90 })).toThrow(/windowMinutes/);
  });
});
