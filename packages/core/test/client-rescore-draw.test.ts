import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { ScorecardDefinition } from '@attentive/shared/scorecard';
import { drawRescore, drawnCount, rankPopulation } from '../src/client-audit/rescore/draw.ts';
import { compareRescore, readingOf } from '../src/client-audit/rescore/comparison-compute.ts';

const SEED = 'a'.repeat(64);
const hexSeed = fc.uint8Array({ minLength: 16, maxLength: 32 }).map((b) => Buffer.from(b).toString('hex'));
const idSet = fc.uniqueArray(fc.integer({ min: 1, max: 10_000_000 }), { minLength: 0, maxLength: 300 });

describe('the re-score draw', () => {
  it('draws ceil(share × N), at least one of a non-empty population, none of an empty one', () => {
    expect(drawnCount(0, 500)).toBe(0);
    expect(drawnCount(1, 50)).toBe(1);
    expect(drawnCount(100, 500)).toBe(5);
    expect(drawnCount(101, 500)).toBe(6); // 5.05 → 6
    expect(drawnCount(20, 500)).toBe(1);
    expect(drawnCount(21, 500)).toBe(2); // 1.05 → 2
    expect(drawnCount(1000, 50)).toBe(5); // 0.5%
    expect(drawnCount(3, 5000)).toBe(2); // 50% of 3 = 1.5 → 2
  });

  it('ranks by HMAC-SHA256(seed bytes, id in decimal): anyone can redo it with openssl', () => {
    const [first] = rankPopulation([42], SEED);
    expect(first!.rank).toBe(createHmac('sha256', Buffer.from(SEED, 'hex')).update('42').digest('hex'));
  });

  it('is deterministic for a seed and independent of the order the population comes in', () => {
    fc.assert(
      fc.property(idSet, hexSeed, fc.integer({ min: 50, max: 5000 }), (ids, seed, bp) => {
        const a = drawRescore(ids, seed, bp).drawn;
        const b = drawRescore([...ids].reverse(), seed, bp).drawn;
        expect(b).toEqual(a);
      })
    );
  });

  it('draws exactly the k lowest ranks (property)', () => {
    fc.assert(
      fc.property(idSet, hexSeed, fc.integer({ min: 50, max: 5000 }), (ids, seed, bp) => {
        const { drawn } = drawRescore(ids, seed, bp);
        expect(drawn).toHaveLength(drawnCount(ids.length, bp));
        const ranks = ids.map((id) => createHmac('sha256', Buffer.from(seed, 'hex')).update(String(id)).digest('hex')).sort();
        expect(drawn.map((d) => d.rank)).toEqual(ranks.slice(0, drawn.length));
        const maxDrawn = drawn.at(-1)?.rank ?? '';
        const drawnIds = new Set(drawn.map((d) => d.evaluationId));
        for (const id of ids)
          if (!drawnIds.has(id))
            expect(createHmac('sha256', Buffer.from(seed, 'hex')).update(String(id)).digest('hex') > maxDrawn).toBe(true);
      }),
      { numRuns: 60 }
    );
  });
});

const DEF = {
  sections: [
    {
      id: 's',
      title: 'Section',
      items: [
        {
          id: 'greeting',
          text: 'Greets',
          answer: { type: 'yes_no' },
          weight: 1,
          dimension: 'customer_friendly',
          required: true,
          naAllowed: true
        },
        {
          id: 'empathy',
          text: 'Empathy',
          answer: { type: 'scale', min: 1, max: 5 },
          weight: 1,
          dimension: 'customer_friendly',
          required: true
        }
      ]
    }
  ]
} as unknown as ScorecardDefinition;
const pair = (itemId: number, cc: Record<string, unknown>, ccOverall: number, cl: Record<string, unknown>, clOverall: number) => ({
  itemId,
  callId: 100 + itemId,
  definition: DEF,
  contactCenter: { answers: cc, overall: ccOverall },
  client: { answers: cl, overall: clOverall }
});

describe('the re-score comparison', () => {
  it('computes contact center − client per item and overall, with a t interval, by hand', () => {
    const r = compareRescore([
      pair(1, { greeting: 'yes', empathy: 5 }, 100, { greeting: 'no', empathy: 3 }, 25),
      pair(2, { greeting: 'yes', empathy: 4 }, 87.5, { greeting: 'yes', empathy: 4 }, 87.5),
      pair(3, { greeting: 'na', empathy: 3 }, 50, { greeting: 'yes', empathy: 1 }, 25)
    ]);
    // Overall differences 75, 0, 25: mean 33.333, s = √1458.33 = 38.188, t(0.975, 2) = 4.3027 → half-width 4.3027 · 38.188 / √3 = 94.865.
    expect(r.overall.difference.n).toBe(3);
    expect(r.overall.difference.estimate).toBeCloseTo(100 / 3, 6);
    expect(r.overall.difference.low).toBeCloseTo(100 / 3 - 94.865, 2);
    expect(r.overall.difference.high).toBe(100); // clamped
    expect(r.overall.reading).toBe('noise');
    const greeting = r.items.find((i) => i.itemId === 'greeting')!;
    // N.A. on pair 3 is no answer: pairs 1 (100 − 0) and 2 (100 − 100).
    expect(greeting.difference).toMatchObject({ n: 2, estimate: 50 });
    const empathy = r.items.find((i) => i.itemId === 'empathy')!;
    // Scale 1–5 → 0, 25, 50, 75, 100: pair 1: 100 − 50; pair 2: 0; pair 3: 50 − 0.
    expect(empathy.difference).toMatchObject({ n: 3 });
    expect(empathy.difference.estimate).toBeCloseTo(100 / 3, 6);
    expect(r.pairs.map((p) => p.difference)).toEqual([75, 0, 25]);
  });

  it('says lenient when the interval is above 0, stricter below, too few with n < 2', () => {
    expect(readingOf({ n: 5, estimate: 10, low: 2, high: 18 })).toBe('lenient');
    expect(readingOf({ n: 5, estimate: -10, low: -18, high: -2 })).toBe('stricter');
    expect(readingOf({ n: 5, estimate: 1, low: -1, high: 3 })).toBe('noise');
    expect(readingOf({ n: 1, estimate: 10, low: null, high: null })).toBe('too_few');
    const one = compareRescore([pair(1, { greeting: 'yes', empathy: 5 }, 100, { greeting: 'no', empathy: 5 }, 50)]);
    expect(one.overall).toMatchObject({ difference: { n: 1, estimate: 50, low: null, high: null }, reading: 'too_few' });
  });

  it('a constant lenient gap over many calls reads lenient', () => {
    const pairs = Array.from({ length: 10 }, (_, i) => pair(i + 1, {}, 80 + (i % 3), {}, 70 + (i % 2)));
    expect(compareRescore(pairs).overall.reading).toBe('lenient');
    expect(compareRescore(pairs.map((p) => ({ ...p, contactCenter: p.client, client: p.contactCenter }))).overall.reading).toBe('stricter');
  });
});
