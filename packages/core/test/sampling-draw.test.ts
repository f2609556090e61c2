import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PlanDefinition } from '../src/sampling/definition.ts';
import { allocate, drawSample, nextReplacement, type DrawCandidate } from '../src/sampling/draw.ts';
import { ranker } from '../src/sampling/rank.ts';

const SEED = '5eed'.repeat(16);
const DAY = 86_400_000;
const MON = Date.UTC(2026, 10, 16, 9); // Monday 2026-11-16 09:00 UTC

function population(perAgent: Record<number, number>, opts: { queues?: number[]; days?: number } = {}): DrawCandidate[] {
  const out: DrawCandidate[] = [];
  let id = 1;
  for (const [agent, n] of Object.entries(perAgent))
    for (let i = 0; i < n; i++)
      out.push({
        id: id++ * 7,
        agentId: Number(agent),
        startedAt: MON + (i % (opts.days ?? 5)) * DAY + i * 60_000,
        queueId: opts.queues ? opts.queues[i % opts.queues.length]! : null
      });
  return out;
}

const stratify = (spread: 'none' | 'day' | 'week' = 'day', proportional: 'none' | 'queue' | 'hour' = 'none') => ({ spread, proportional });
const fixed = (q: number) => () => q;
const key = (items: { callId: number }[]) => items.map((i) => i.callId).sort((a, b) => a - b);

describe('drawSample', () => {
  it('takes each agent its quota, lowest ranks first without stratification', () => {
    const cands = population({ 1: 20, 2: 3 });
    const { items, agents } = drawSample({ seed: SEED, candidates: cands, quotaOf: fixed(4), stratify: stratify('none'), timezone: 'UTC' });
    const r = ranker(SEED);
    const lowest = cands
      .filter((c) => c.agentId === 1)
      .map((c) => c.id)
      .sort((a, b) => (r.hex(a) < r.hex(b) ? -1 : 1))
      .slice(0, 4);
    expect(key(items.filter((i) => i.agentId === 1))).toEqual([...lowest].sort((a, b) => a - b));
    expect(items.filter((i) => i.agentId === 2)).toHaveLength(3); // fewer than the quota: all of them
    expect(agents).toEqual([
      { agentId: 1, eligible: 20, quota: 4, drawn: 4 },
      { agentId: 2, eligible: 3, quota: 4, drawn: 3 }
    ]);
    for (const it of items) expect(it.rank).toBe(r.hex(it.callId));
  });

  it('spreads a quota over days: no day twice before every day had one', () => {
    const cands = population({ 1: 50 }, { days: 5 });
    const { items } = drawSample({ seed: SEED, candidates: cands, quotaOf: fixed(5), stratify: stratify('day'), timezone: 'UTC' });
    expect(new Set(items.map((i) => i.stratum)).size).toBe(5);
    const seven = drawSample({ seed: SEED, candidates: cands, quotaOf: fixed(7), stratify: stratify('day'), timezone: 'UTC' }).items;
    const perDay = Object.values(seven.reduce<Record<string, number>>((m, i) => ((m[i.stratum] = (m[i.stratum] ?? 0) + 1), m), {}));
    expect(Math.max(...perDay) - Math.min(...perDay)).toBeLessThanOrEqual(1);
    expect(perDay).toHaveLength(5);
  });

  it('allocates proportionally across queues (largest remainder)', () => {
    // 30 calls in queue 1, 10 in queue 2 → quota 8 splits 6 / 2.
    const cands = population({ 1: 40 }, { queues: [1, 1, 1, 2] });
    const { items } = drawSample({
      seed: SEED,
      candidates: cands,
      quotaOf: fixed(8),
      stratify: stratify('none', 'queue'),
      timezone: 'UTC'
    });
    const q1 = items.filter((i) => i.stratum.startsWith('queue:1')).length;
    const q2 = items.filter((i) => i.stratum.startsWith('queue:2')).length;
    expect([q1, q2]).toEqual([6, 2]);
  });

  it('allocates by hour band', () => {
    const cands: DrawCandidate[] = Array.from({ length: 40 }, (_, i) => ({
      id: i + 1,
      agentId: 1,
      startedAt: MON - 9 * 3_600_000 + (i < 30 ? 9 : 14) * 3_600_000 + i * 1000,
      queueId: null
    }));
    const { items } = drawSample({ seed: SEED, candidates: cands, quotaOf: fixed(4), stratify: stratify('none', 'hour'), timezone: 'UTC' });
    expect(items.filter((i) => i.stratum === 'hours:morning')).toHaveLength(3);
    expect(items.filter((i) => i.stratum === 'hours:afternoon')).toHaveLength(1);
  });

  it('refuses a population with a call twice', () => {
    const c = population({ 1: 2 });
    expect(() => drawSample({ seed: SEED, candidates: [...c, c[0]!], quotaOf: fixed(1), stratify: stratify(), timezone: 'UTC' })).toThrow(
      /twice/
    );
  });

  it('quota 0 draws nothing; an empty population draws nothing', () => {
    expect(
      drawSample({ seed: SEED, candidates: population({ 1: 5 }), quotaOf: fixed(0), stratify: stratify(), timezone: 'UTC' }).items
    ).toEqual([]);
    expect(drawSample({ seed: SEED, candidates: [], quotaOf: fixed(3), stratify: stratify(), timezone: 'UTC' }).items).toEqual([]);
  });

  it('a different seed gives a different sample', () => {
    const cands = population({ 1: 200 });
    const a = drawSample({ seed: SEED, candidates: cands, quotaOf: fixed(5), stratify: stratify(), timezone: 'UTC' });
    const b = drawSample({ seed: 'beef'.repeat(16), candidates: cands, quotaOf: fixed(5), stratify: stratify(), timezone: 'UTC' });
    expect(key(a.items)).not.toEqual(key(b.items));
  });
});

// Random populations: up to 8 agents, unique call ids, times over two weeks, a few queues.
const arbPopulation = fc
  .uniqueArray(fc.integer({ min: 1, max: 1_000_000 }), { minLength: 0, maxLength: 300 })
  .chain((ids) =>
    fc.tuple(
      fc.constant(ids),
      fc.array(
        fc.record({
          agent: fc.integer({ min: 1, max: 8 }),
          offset: fc.integer({ min: 0, max: 14 * DAY - 1 }),
          queue: fc.option(fc.integer({ min: 1, max: 3 }))
        }),
        { minLength: ids.length, maxLength: ids.length }
      )
    )
  )
  .map(([ids, facts]) =>
    ids.map((id, i) => ({ id, agentId: facts[i]!.agent, startedAt: MON + facts[i]!.offset, queueId: facts[i]!.queue }))
  );
const arbSeed = fc.uint8Array({ minLength: 16, maxLength: 32 }).map((b) => Buffer.from(b).toString('hex'));
const arbStratify = fc.record({
  spread: fc.constantFrom('none' as const, 'day' as const, 'week' as const),
  proportional: fc.constantFrom('none' as const, 'queue' as const, 'hour' as const)
});
const arbQuotas = fc.func(fc.integer({ min: 0, max: 12 }));

describe('draw properties', () => {
  it('same seed and same population → same sample, whatever the row order', () => {
    fc.assert(
      fc.property(arbPopulation, arbSeed, arbStratify, arbQuotas, fc.infiniteStream(fc.nat()), (pop, seed, strat, q, rnd) => {
        const quotaOf = (a: number) => q(a);
        const shuffled = [...pop];
        for (let i = shuffled.length - 1; i > 0; i--) {
          const j = rnd.next().value % (i + 1);
          [shuffled[i], shuffled[j]] = [shuffled[j]!, shuffled[i]!];
        }
        const a = drawSample({ seed, candidates: pop, quotaOf, stratify: strat, timezone: 'Europe/Amsterdam' });
        const b = drawSample({ seed, candidates: shuffled, quotaOf, stratify: strat, timezone: 'Europe/Amsterdam' });
        expect(b).toEqual(a);
      }),
      { numRuns: 150 }
    );
  });

  it('no call twice; exactly the quota where enough calls exist, all calls where not; only own calls', () => {
    fc.assert(
      fc.property(arbPopulation, arbSeed, arbStratify, arbQuotas, (pop, seed, strat, q) => {
        const { items, agents } = drawSample({ seed, candidates: pop, quotaOf: (a) => q(a), stratify: strat, timezone: 'UTC' });
        expect(new Set(items.map((i) => i.callId)).size).toBe(items.length);
        const owner = new Map(pop.map((c) => [c.id, c.agentId]));
        for (const it of items) expect(owner.get(it.callId)).toBe(it.agentId);
        for (const a of agents) {
          const n = pop.filter((c) => c.agentId === a.agentId).length;
          expect(a.eligible).toBe(n);
          expect(items.filter((i) => i.agentId === a.agentId)).toHaveLength(Math.min(q(a.agentId), n));
        }
      }),
      { numRuns: 200 }
    );
  });

  it('without strata, each agent gets exactly its lowest-ranked calls', () => {
    fc.assert(
      fc.property(arbPopulation, arbSeed, fc.integer({ min: 0, max: 10 }), (pop, seed, q) => {
        const r = ranker(seed);
        const { items } = drawSample({
          seed,
          candidates: pop,
          quotaOf: () => q,
          stratify: { spread: 'none', proportional: 'none' },
          timezone: 'UTC'
        });
        for (const agent of new Set(pop.map((c) => c.agentId))) {
          const expected = pop
            .filter((c) => c.agentId === agent)
            .map((c) => c.id)
            .sort((a, b) => (r.hex(a) < r.hex(b) ? -1 : r.hex(a) > r.hex(b) ? 1 : a - b))
            .slice(0, q);
          expect(items.filter((i) => i.agentId === agent).map((i) => i.callId)).toEqual(expected);
        }
      }),
      { numRuns: 100 }
    );
  });

  it('replacement: the next-ranked unused call of the agent, never one already used', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.nat({ max: 100_000 }), { minLength: 1, maxLength: 60 }),
        arbSeed,
        fc.nat({ max: 59 }),
        (ids, seed, k) => {
          const r = ranker(seed);
          const sorted = [...ids].sort((a, b) => (r.hex(a) < r.hex(b) ? -1 : 1));
          const used = new Set(sorted.slice(0, Math.min(k, ids.length)));
          const next = nextReplacement(seed, ids, used);
          if (used.size === ids.length) expect(next).toBeNull();
          else expect(next).toEqual({ callId: sorted[used.size], rank: r.hex(sorted[used.size]!) });
        }
      )
    );
  });

  it('allocation sums to the quota and never exceeds a stratum', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 50 }), { minLength: 1, maxLength: 6 }), fc.nat({ max: 300 }), (sizes, q) => {
        const total = sizes.reduce((s, n) => s + n, 0);
        const quota = Math.min(q, total - 1 < 0 ? 0 : total - 1);
        const strata = sizes.map((count, i) => ({ key: String(i), count, best: i }));
        const out = allocate(quota, total, strata, (a, b) => a - b);
        expect([...out.values()].reduce((s, n) => s + n, 0)).toBe(quota);
        strata.forEach((s) => expect(out.get(s.key)!).toBeLessThanOrEqual(s.count));
      })
    );
  });
});

describe('plan definition', () => {
  it('fills defaults and names bad fields', () => {
    const d = PlanDefinition.parse({ quota: { perAgent: 4 } });
    expect(d).toMatchObject({
      period: 'week',
      timezone: 'Europe/Amsterdam',
      stratify: { spread: 'day', proportional: 'none' },
      exclude: { alreadyEvaluated: true, alreadySampled: true }
    });
    const bad = PlanDefinition.safeParse({
      quota: { perAgent: -1, min: 5, max: 2 },
      filters: { minTalkSeconds: 60, maxTalkSeconds: 30, hours: { from: 18, to: 9 } },
      timezone: 'Mars/Olympus'
    });
    expect(bad.success).toBe(false);
    const messages = bad.error!.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('\n');
    expect(messages).toMatch(/quota.perAgent: quota.perAgent must be ≥ 0/);
    expect(messages).toMatch(/timezone: unknown time zone/);
    expect(messages).toMatch(/hours.from must be before hours.to/);
    expect(PlanDefinition.safeParse({ quota: { perAgent: 2 }, surprise: true }).success).toBe(false);
  });
});
