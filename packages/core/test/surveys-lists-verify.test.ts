import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeCallbackDraw, type CallbackCandidate, type CallbackRules } from '../src/surveys/lists/draw-compute.ts';
import { drawDayAndTime } from '../src/surveys/lists/draw-day.ts';
import { compareCallbackDraw } from '../src/surveys/lists/verify-compute.ts';

/**
 * Verifying a callback draw (verify-compute.ts), pure: a draw recomputed from its own snapshot always
 * verifies; any change to the list (a call swapped, dropped or added, a rank altered), to the calls of the
 * window or to the recorded exclusions is found and named.
 */
const HOUR = 3_600_000;
const AT = Date.UTC(2026, 11, 2, 6);
const RULES: CallbackRules = { channel: 'phone', dailyCount: 4, delayMinHours: 24, delayMaxHours: 72, quietDays: 90 };

const candidates = fc
  .uniqueArray(
    fc.record({
      callId: fc.integer({ min: 1, max: 5000 }),
      customer: fc.integer({ min: 1, max: 12 }),
      hour: fc.integer({ min: 25, max: 72 }), // inside the window [AT − 72 h, AT − 24 h)
      optedOut: fc.boolean(),
      hasContact: fc.constantFrom(true, true, true, false)
    }),
    { selector: (c) => c.callId, minLength: 1, maxLength: 40 }
  )
  .map((rows) =>
    rows.map((r): CallbackCandidate => ({
      callId: r.callId,
      agentId: 1,
      startedAt: AT - r.hour * HOUR,
      alreadyDrawn: false,
      contact: r.hasContact
        ? { id: r.customer, hasPhone: true, hasEmail: false, optedOutAt: r.optedOut ? AT - HOUR : null, erasedAt: null, lastDrawnAt: null }
        : null
    }))
  );

function drawOf(calls: CallbackCandidate[], seed: string) {
  const d = computeCallbackDraw({ seed, at: AT, rules: RULES, calls });
  return {
    seed,
    snapshot: { v: 1 as const, at: AT, rules: RULES, maxCallId: 5000, excludedIds: d.excludedIds },
    stored: { populationHash: d.populationHash, populationSize: d.population.length },
    calls: calls.map((c) => ({ callId: c.callId, agentId: c.agentId, contactId: c.contact?.id ?? null })),
    items: d.items.map((it, i) => ({ id: i + 1, callId: it.callId, rank: it.rank }))
  };
}
const seed = fc.stringMatching(/^[0-9a-f]{64}$/);

describe('compareCallbackDraw', () => {
  it('a draw verifies against itself, whatever the calls and the seed', () => {
    fc.assert(
      fc.property(candidates, seed, (calls, s) => {
        const r = compareCallbackDraw(drawOf(calls, s));
        expect(r.firstDifference).toBeNull();
        expect(r.ok).toBe(true);
      })
    );
  });

  it('finds a swapped, dropped or re-ranked item and names it', () => {
    fc.assert(
      fc.property(candidates, seed, fc.integer({ min: 0, max: 2 }), (calls, s, how) => {
        const o = drawOf(calls, s);
        fc.pre(o.items.length > 0);
        const items = [...o.items];
        if (how === 0) items[0] = { ...items[0]!, callId: 99_999 };
        else if (how === 1) items.pop();
        else items[0] = { ...items[0]!, rank: '0'.repeat(64) };
        const r = compareCallbackDraw({ ...o, items });
        expect(r.ok).toBe(false);
        expect(r.firstDifference).toMatch(/^place \d+/);
      })
    );
  });

  it('finds a call added to the window after the draw (the population changes) and an exclusion of a call not in the window', () => {
    const calls = Array.from({ length: 10 }, (_, i) => ({
      callId: i + 1,
      agentId: 1,
      startedAt: AT - 30 * HOUR,
      alreadyDrawn: false,
      contact: { id: i + 1, hasPhone: true, hasEmail: false, optedOutAt: i === 0 ? AT - HOUR : null, erasedAt: null, lastDrawnAt: null }
    }));
    const o = drawOf(calls, 'ab'.repeat(32));
    const added = compareCallbackDraw({ ...o, calls: [...o.calls, { callId: 11, agentId: 1, contactId: 11 }] });
    expect(added.checks.find((c) => c.name === 'population')!.ok).toBe(false);
    expect(added.firstDifference).toContain('population differs');
    const ghost = compareCallbackDraw({ ...o, snapshot: { ...o.snapshot, excludedIds: { ...o.snapshot.excludedIds, noContact: [777] } } });
    expect(ghost.firstDifference).toBe('call 777 is excluded (noContact) but is not a call of the program in the window');
  });
});

describe('drawDayAndTime', () => {
  const tz = 'Europe/Amsterdam';
  const now = new Date('2026-12-02T10:00:00Z');
  it('today is drawn as of now; a missed day as of its 06:00; future, impossible and too-old days are refused', () => {
    expect(drawDayAndTime(tz, now, undefined)).toEqual({ day: '2026-12-02', at: now });
    expect(drawDayAndTime(tz, now, '2026-11-30').at.toISOString()).toBe('2026-11-30T05:00:00.000Z');
    expect(() => drawDayAndTime(tz, now, '2026-12-03')).toThrow(/future/);
    expect(() => drawDayAndTime(tz, now, '2026-11-31')).toThrow(/not a calendar day/);
    expect(() => drawDayAndTime(tz, now, '2026-11-17')).toThrow(/more than 14 days/);
  });
});
