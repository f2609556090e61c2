import { createHmac } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { populationHash } from '../src/sampling/population-hash.ts';
import {
  CALLBACK_EXCLUSIONS,
  computeCallbackDraw,
  drawWindow,
  exclusionOf,
  selectCallbacks,
  type CallbackCandidate,
  type CallbackRules
} from '../src/surveys/lists/draw-compute.ts';

const SEED = 'c0ffee'.repeat(10) + 'abcd';
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const AT = Date.UTC(2026, 11, 2, 6);
const RULES: CallbackRules = { channel: 'phone', dailyCount: 5, delayMinHours: 24, delayMaxHours: 72, quietDays: 90 };

const contact = (id: number, o: Partial<NonNullable<CallbackCandidate['contact']>> = {}): CallbackCandidate['contact'] => ({
  id,
  hasPhone: true,
  hasEmail: true,
  optedOutAt: null,
  erasedAt: null,
  lastDrawnAt: null,
  ...o
});
const call = (callId: number, o: Partial<CallbackCandidate> = {}): CallbackCandidate => ({
  callId,
  agentId: 1 + (callId % 3),
  startedAt: AT - 48 * HOUR,
  contact: contact(1000 + callId),
  alreadyDrawn: false,
  ...o
});

describe('drawWindow and exclusionOf', () => {
  it('takes calls started between delayMaxHours and delayMinHours before the draw, start inclusive', () => {
    expect(drawWindow(AT, RULES)).toEqual({ start: AT - 72 * HOUR, end: AT - 24 * HOUR });
    const r = computeCallbackDraw({
      seed: SEED,
      at: AT,
      rules: RULES,
      calls: [call(1, { startedAt: AT - 72 * HOUR }), call(2, { startedAt: AT - 24 * HOUR }), call(3, { startedAt: AT - 72 * HOUR - 1 })]
    });
    expect(r.population).toEqual([1]);
  });

  it('names the first reason that applies', () => {
    const rules = { channel: 'phone' as const, quietDays: 30 };
    expect(exclusionOf(call(1, { alreadyDrawn: true, contact: null }), rules, AT)).toBe('alreadyDrawn');
    expect(exclusionOf(call(1, { contact: contact(5, { optedOutAt: AT - DAY, hasPhone: false }) }), rules, AT)).toBe('optedOut');
    expect(exclusionOf(call(1, { contact: null }), rules, AT)).toBe('noContact');
    expect(exclusionOf(call(1, { contact: contact(5, { erasedAt: AT - 1 }) }), rules, AT)).toBe('noContact');
    expect(exclusionOf(call(1, { contact: contact(5, { hasPhone: false }) }), rules, AT)).toBe('noContact');
    expect(exclusionOf(call(1, { contact: contact(5, { lastDrawnAt: AT - 29 * DAY }) }), rules, AT)).toBe('recentlySurveyed');
    expect(exclusionOf(call(1, { contact: contact(5, { lastDrawnAt: AT - 30 * DAY }) }), rules, AT)).toBeNull();
    // An opt-out or erasure after the draw time did not apply then.
    expect(exclusionOf(call(1, { contact: contact(5, { optedOutAt: AT + 1, erasedAt: AT + 1 }) }), rules, AT)).toBeNull();
  });

  it('lets a link go by e-mail or SMS: a phone number or an e-mail address is enough', () => {
    const link = { channel: 'link' as const, quietDays: 30 };
    expect(exclusionOf(call(1, { contact: contact(5, { hasPhone: false }) }), link, AT)).toBeNull();
    expect(exclusionOf(call(1, { contact: contact(5, { hasEmail: false }) }), link, AT)).toBeNull();
    expect(exclusionOf(call(1, { contact: contact(5, { hasEmail: false, hasPhone: false }) }), link, AT)).toBe('noContact');
  });
});

describe('selectCallbacks', () => {
  it('ranks by HMAC-SHA256(seed, decimal id), lowest first', () => {
    const eligible = Array.from({ length: 40 }, (_, i) => ({ callId: i * 11 + 3, agentId: 1, contactId: i }));
    const got = selectCallbacks(SEED, eligible, 6);
    const hmac = (id: number) => createHmac('sha256', Buffer.from(SEED, 'hex')).update(String(id)).digest('hex');
    const expected = eligible
      .map((e) => ({ id: e.callId, rank: hmac(e.callId) }))
      .sort((a, b) => (a.rank < b.rank ? -1 : 1))
      .slice(0, 6);
    expect(got.map((g) => [g.callId, g.rank])).toEqual(expected.map((e) => [e.id, e.rank]));
  });

  it('takes one call per customer: the lowest-ranked', () => {
    const eligible = Array.from({ length: 30 }, (_, i) => ({ callId: i + 1, agentId: 1, contactId: 7 }));
    const got = selectCallbacks(SEED, eligible, 5);
    expect(got).toHaveLength(1);
    expect(got[0]!.rank).toBe([...eligible].map((e) => selectCallbacks(SEED, [e], 1)[0]!.rank).sort()[0]);
  });
});

// Random days of calls: ids unique, some outside the window, some customers with several calls.
const arbCalls = fc.uniqueArray(fc.integer({ min: 1, max: 5_000 }), { minLength: 0, maxLength: 120 }).chain((ids) =>
  fc.tuple(
    ...ids.map((id) =>
      fc.record({
        callId: fc.constant(id),
        agentId: fc.integer({ min: 1, max: 6 }),
        startedAt: fc.integer({ min: AT - 96 * HOUR, max: AT }),
        contact: fc.option(
          fc.record({
            id: fc.integer({ min: 1, max: 40 }),
            hasPhone: fc.boolean(),
            hasEmail: fc.boolean(),
            optedOutAt: fc.option(fc.integer({ min: AT - 200 * DAY, max: AT + DAY }), { freq: 6 }),
            erasedAt: fc.option(fc.integer({ min: AT - 10 * DAY, max: AT + DAY }), { freq: 8 }),
            lastDrawnAt: fc.option(fc.integer({ min: AT - 200 * DAY, max: AT }), { freq: 3 })
          }),
          { freq: 6 }
        ),
        alreadyDrawn: fc.integer({ min: 0, max: 4 }).map((n) => n === 0)
      })
    )
  )
);
const arbRules = fc.record({
  channel: fc.constantFrom('phone' as const, 'link' as const),
  dailyCount: fc.integer({ min: 0, max: 30 }),
  delayMinHours: fc.integer({ min: 0, max: 48 }),
  delayMaxHours: fc.integer({ min: 49, max: 96 }),
  quietDays: fc.integer({ min: 0, max: 180 })
});
const arbSeed = fc.uint8Array({ minLength: 16, maxLength: 32 }).map((b) => Buffer.from(b).toString('hex'));

describe('computeCallbackDraw (properties)', () => {
  it('does not depend on the order the calls come in', () => {
    fc.assert(
      fc.property(arbSeed, arbRules, arbCalls, fc.integer(), (seed, rules, calls, shift) => {
        const a = computeCallbackDraw({ seed, at: AT, rules, calls });
        const rotated = calls.map((_, i) => calls[(i + Math.abs(shift)) % calls.length]!).reverse();
        expect(computeCallbackDraw({ seed, at: AT, rules, calls: rotated })).toEqual(a);
      })
    );
  });

  it('splits the window into population and exclusions, and hashes the population', () => {
    fc.assert(
      fc.property(arbSeed, arbRules, arbCalls, (seed, rules, calls) => {
        const r = computeCallbackDraw({ seed, at: AT, rules, calls });
        const inWindow = calls.filter((c) => c.startedAt >= r.window.start && c.startedAt < r.window.end).map((c) => c.callId);
        const excluded = CALLBACK_EXCLUSIONS.flatMap((k) => r.excludedIds[k]);
        expect([...r.population, ...excluded].sort((a, b) => a - b)).toEqual([...inWindow].sort((a, b) => a - b));
        for (const k of CALLBACK_EXCLUSIONS) expect(r.excluded[k]).toBe(r.excludedIds[k].length);
        expect(r.populationHash).toBe(populationHash(r.population));
        for (const id of r.population)
          expect(
            exclusionOf(
              calls.find((c) => c.callId === id)!,
              rules,
              AT
            )
          ).toBeNull();
      })
    );
  });

  it('draws the lowest-ranked call of as many distinct customers as the daily count allows', () => {
    // The CI counterexample (daily count 0) stays as a fixed example.
    const zero = computeCallbackDraw({ seed: SEED, at: AT, rules: { ...RULES, dailyCount: 0 }, calls: [call(1), call(2)] });
    expect(zero.items).toEqual([]);
    expect(zero.population).toEqual([1, 2]);
    fc.assert(
      fc.property(arbSeed, arbRules, arbCalls, (seed, rules, calls) => {
        const r = computeCallbackDraw({ seed, at: AT, rules, calls });
        const pop = calls.filter((c) => r.population.includes(c.callId));
        const customers = new Set(pop.map((c) => c.contact!.id));
        expect(r.items).toHaveLength(Math.min(rules.dailyCount, customers.size));
        expect(new Set(r.items.map((i) => i.contactId)).size).toBe(r.items.length);
        // Every eligible call left undrawn ranks above the last drawn one, or its customer was drawn with a lower rank.
        const last = r.items.at(-1)?.rank;
        const drawn = new Map(r.items.map((i) => [i.contactId, i.rank]));
        for (const c of pop) {
          if (r.items.some((i) => i.callId === c.callId)) continue;
          const rank = selectCallbacks(seed, [{ callId: c.callId, agentId: 0, contactId: 0 }], 1)[0]!.rank;
          const mine = drawn.get(c.contact!.id);
          // With a daily count of 0 nothing is drawn and every eligible call is left.
          expect(mine != null ? mine < rank : rules.dailyCount === r.items.length && (last == null || last < rank)).toBe(true);
        }
        for (let i = 1; i < r.items.length; i++) expect(r.items[i - 1]!.rank < r.items[i]!.rank).toBe(true);
      })
    );
  });

  it('refuses a call listed twice', () => {
    expect(() => computeCallbackDraw({ seed: SEED, at: AT, rules: RULES, calls: [call(1), call(1)] })).toThrow(/twice/);
  });
});
