import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalQuantile } from '../src/stats/distributions.ts';
import { marginOfError, planSampleSizes, requiredSampleSize, zFor } from '../src/sampling/planner.ts';
import { agentQuota, isNewAgent } from '../src/sampling/quota.ts';
import { PlanDefinition } from '../src/sampling/definition.ts';
import { chooseEvaluators, type Evaluator } from '../src/sampling/assign-compute.ts';
import { fairnessLedger } from '../src/sampling/ledger.ts';
import { compareRun } from '../src/sampling/verify-compute.ts';
import { drawSample } from '../src/sampling/draw.ts';
import { isEligible, passesColumnFilters } from '../src/sampling/eligibility.ts';
import { localTime } from '../src/sampling/period.ts';

describe('sample-size planner (Cochran with finite-population correction)', () => {
  it('z values', () => {
    expect(zFor(0.95)).toBeCloseTo(1.959964, 5);
    expect(zFor(0.9)).toBeCloseTo(1.644854, 5);
    expect(zFor(0.99)).toBeCloseTo(2.575829, 5);
    expect(normalQuantile(0.01)).toBeCloseTo(-2.326348, 5);
  });
  it('textbook sizes', () => {
    expect(requiredSampleSize({ confidence: 0.95, margin: 0.05, population: null })).toBe(385);
    expect(requiredSampleSize({ confidence: 0.95, margin: 0.05, population: 1000 })).toBe(278);
    expect(requiredSampleSize({ confidence: 0.95, margin: 0.1, population: 40 })).toBe(29);
    expect(requiredSampleSize({ confidence: 0.95, margin: 0.05, population: 10 })).toBeLessThanOrEqual(10);
    expect(requiredSampleSize({ confidence: 0.95, margin: 0.05, population: 0 })).toBe(0);
  });
  it('margins: 4 of 40 calls say little; the whole population says all', () => {
    expect(marginOfError({ confidence: 0.95, n: 4, population: 40 })!).toBeCloseTo(0.466, 2);
    expect(marginOfError({ confidence: 0.95, n: 40, population: 40 })).toBe(0);
    expect(marginOfError({ confidence: 0.95, n: 0, population: 40 })).toBeNull();
    expect(marginOfError({ confidence: 0.95, n: 385, population: null })!).toBeCloseTo(0.04995, 4);
  });
  it('round trip: the required size reaches the margin (property)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(0.8, 0.9, 0.95, 0.99),
        fc.double({ min: 0.02, max: 0.3, noNaN: true }),
        fc.integer({ min: 2, max: 100_000 }),
        (conf, e, N) => {
          const n = requiredSampleSize({ confidence: conf, margin: e, population: N });
          expect(n).toBeLessThanOrEqual(N);
          expect(marginOfError({ confidence: conf, n, population: N })!).toBeLessThanOrEqual(e + 1e-9);
          if (n > 1) expect(marginOfError({ confidence: conf, n: n - 1, population: N })!).toBeGreaterThan(e - 1e-9);
        }
      )
    );
  });
  it('refuses nonsense', () => {
    expect(() => requiredSampleSize({ confidence: 1.2, margin: 0.05, population: 10 })).toThrow(/confidence/);
    expect(() => requiredSampleSize({ confidence: 0.95, margin: 0, population: 10 })).toThrow(/margin/);
  });
  it('says both: per agent (coaching) and pooled program (client quality)', () => {
    const r = planSampleSizes({
      confidence: 0.95,
      margin: 0.1,
      agents: Array.from({ length: 50 }, (_, i) => ({ agentId: i + 1, teamId: i % 2, population: 200, planned: 4 }))
    });
    expect(r.agents[0]).toMatchObject({ population: 200, planned: 4, required: 66 });
    expect(r.agents[0]!.marginAtPlanned!).toBeGreaterThan(0.45);
    expect(r.program).toMatchObject({ population: 10_000, planned: 200 });
    expect(r.program.marginAtPlanned!).toBeLessThan(0.07);
    expect(r.teams.map((t) => t.planned)).toEqual([100, 100]);
  });
});

describe('quota', () => {
  const q = (o: object) => PlanDefinition.parse({ quota: { perAgent: 4, ...o } }).quota;
  it('new agents, share of eligible, min and max', () => {
    expect(agentQuota(q({ newAgent: { months: 3, perAgent: 8 } }), { isNew: true }, 100)).toBe(8);
    expect(agentQuota(q({ newAgent: { months: 3, perAgent: 8 } }), { isNew: false }, 100)).toBe(4);
    expect(agentQuota(q({ percentOfEligible: 5 }), { isNew: false }, 101)).toBe(6);
    expect(agentQuota(q({ percentOfEligible: 5, min: 3, max: 5 }), { isNew: false }, 10)).toBe(3);
    expect(agentQuota(q({ percentOfEligible: 5, min: 3, max: 5 }), { isNew: false }, 1000)).toBe(5);
    expect(agentQuota(q({ max: 2 }), { isNew: false }, 10)).toBe(2);
  });
  it('tenure: hired within N months before the period start', () => {
    expect(isNewAgent('2026-09-01', '2026-11-16', 3)).toBe(true);
    expect(isNewAgent('2026-08-16', '2026-11-16', 3)).toBe(false);
    expect(isNewAgent('2026-08-17', '2026-11-16', 3)).toBe(true);
    expect(isNewAgent('2025-12-31', '2026-03-31', 3)).toBe(false); // cutoff 2025-12-31
    expect(isNewAgent('2026-01-01', '2026-03-31', 3)).toBe(true);
    expect(isNewAgent(null, '2026-11-16', 3)).toBe(false);
    expect(isNewAgent('2026-11-20', '2026-11-16', 3)).toBe(true);
  });
});

describe('eligibility', () => {
  const def = PlanDefinition.parse({
    quota: { perAgent: 1 },
    timezone: 'UTC',
    filters: {
      minTalkSeconds: 30,
      maxTalkSeconds: 600,
      queueIds: [2],
      direction: 'inbound',
      daysOfWeek: [1, 2],
      hours: { from: 9, to: 17 },
      dispositions: ['resolved']
    }
  });
  const base = {
    id: 1,
    agentId: 1,
    startedAt: Date.UTC(2026, 10, 16, 10),
    queueId: 2,
    direction: 'inbound' as const,
    talkSeconds: 100,
    disposition: 'resolved'
  };
  const period = { start: Date.UTC(2026, 10, 16), end: Date.UTC(2026, 10, 23) };
  const ok = (c: object, excluded = new Set<number>()) => isEligible(def, period, excluded, localTime('UTC'), { ...base, ...c });
  it('each filter can exclude a call', () => {
    expect(ok({})).toBe(true);
    expect(ok({ talkSeconds: 29 })).toBe(false);
    expect(ok({ talkSeconds: 601 })).toBe(false);
    expect(ok({ queueId: 3 })).toBe(false);
    expect(ok({ queueId: null })).toBe(false);
    expect(ok({ direction: 'outbound' })).toBe(false);
    expect(ok({ disposition: null })).toBe(false);
    expect(ok({ startedAt: Date.UTC(2026, 10, 18, 10) })).toBe(false); // Wednesday
    expect(ok({ startedAt: Date.UTC(2026, 10, 16, 17) })).toBe(false); // 17:00 is outside [9, 17)
    expect(ok({ startedAt: Date.UTC(2026, 10, 23, 10) })).toBe(false); // next period
    expect(ok({}, new Set([1]))).toBe(false);
    expect(
      passesColumnFilters(PlanDefinition.parse({ quota: { perAgent: 1 } }).filters, { ...base, queueId: null, disposition: null })
    ).toBe(true);
  });
});

describe('assignment', () => {
  const ev = (personId: number, role: Evaluator['role'], teamIds: number[], open = 0): Evaluator => ({ personId, role, teamIds, open });
  it('own team lead by default, balanced by open work, QA where no lead', () => {
    const items = [1, 2, 3, 4]
      .map((i) => ({ itemId: i, agentId: 100, agentTeamId: 1 }))
      .concat([{ itemId: 5, agentId: 200, agentTeamId: 9 }]);
    const out = chooseEvaluators(
      items,
      [ev(10, 'team_lead', [1], 3), ev(11, 'team_lead', [1], 0), ev(12, 'team_lead', [2]), ev(20, 'qa_analyst', [])],
      'own_team'
    );
    expect([1, 2, 3, 4].map((i) => out.get(i))).toEqual([11, 11, 11, 10]);
    expect(out.get(5)).toBe(20);
  });
  it('cross team avoids the own lead; nobody evaluates themselves; nobody at all → unassigned', () => {
    const out = chooseEvaluators(
      [
        { itemId: 1, agentId: 100, agentTeamId: 1 },
        { itemId: 2, agentId: 12, agentTeamId: 2 }
      ],
      [ev(10, 'team_lead', [1]), ev(12, 'team_lead', [2])],
      'cross_team'
    );
    expect(out.get(1)).toBe(12);
    expect(out.get(2)).toBe(10);
    expect(chooseEvaluators([{ itemId: 1, agentId: 10, agentTeamId: 1 }], [ev(10, 'team_lead', [1])], 'own_team').get(1)).toBeNull();
  });
});

describe('fairness ledger and run comparison', () => {
  const SEED = 'ab'.repeat(16);
  const cands = Array.from({ length: 30 }, (_, i) => ({
    id: i + 1,
    agentId: (i % 3) + 1,
    startedAt: Date.UTC(2026, 10, 16) + i * 3_600_000,
    queueId: null
  }));
  const drawn = drawSample({
    seed: SEED,
    candidates: cands,
    quotaOf: () => 2,
    stratify: { spread: 'none', proportional: 'none' },
    timezone: 'UTC'
  });
  const stored = drawn.items.map((d, i) => ({
    id: i + 1,
    callId: d.callId,
    agentId: d.agentId,
    rank: d.rank,
    status: 'selected' as const,
    replacedBy: null,
    replacedAt: null
  }));
  const byAgent = new Map<number, number[]>();
  for (const c of cands) byAgent.set(c.agentId, [...(byAgent.get(c.agentId) ?? []), c.id]);
  const base = {
    seed: SEED,
    storedHash: 'h',
    storedSize: 30,
    recomputedHash: 'h',
    recomputedSize: 30,
    expected: drawn.items,
    eligibleByAgent: byAgent
  };

  it('matches an untouched run', () => {
    expect(compareRun({ ...base, stored }).ok).toBe(true);
  });
  it('flags a changed population, a swapped call and a wrong replacement', () => {
    expect(compareRun({ ...base, stored, recomputedHash: 'x' }).checks.find((c) => c.name === 'population')!.ok).toBe(false);
    const swapped = stored.map((s, i) =>
      i === 0 ? { ...s, callId: cands.find((c) => c.agentId === s.agentId && !stored.some((x) => x.callId === c.id))!.id } : s
    );
    const r = compareRun({ ...base, stored: swapped });
    expect(r.ok).toBe(false);
    expect(r.missing).toEqual([stored[0]!.callId]);
    // A replacement that is not the next-ranked call.
    const first = stored[0]!;
    const unused = byAgent.get(first.agentId)!.filter((id) => !stored.some((s) => s.callId === id));
    const r2 = (callId: number) =>
      compareRun({
        ...base,
        stored: [
          ...stored.map((s) => (s.id === first.id ? { ...s, status: 'replaced' as const, replacedBy: 99, replacedAt: 1 } : s)),
          { id: 99, callId, agentId: first.agentId, rank: '', status: 'replacement' as const, replacedBy: null, replacedAt: null }
        ]
      });
    const rk = (id: number) =>
      drawSample({
        seed: SEED,
        candidates: cands.filter((c) => c.id === id),
        quotaOf: () => 1,
        stratify: { spread: 'none', proportional: 'none' },
        timezone: 'UTC'
      }).items[0]!.rank;
    const next = [...unused].sort((a, b) => (rk(a) < rk(b) ? -1 : 1));
    expect(r2(next[0]!).ok).toBe(true);
    expect(r2(next[1]!).checks.find((c) => c.name === 'replacements')!.ok).toBe(false);
  });
  it('ledger counts eligible, drawn, replaced and why', () => {
    const rows = fairnessLedger(
      [
        { agentId: 1, eligible: 10, quota: 2 },
        { agentId: 2, eligible: 1, quota: 2 }
      ],
      [
        { agentId: 1, status: 'replaced', reason: 'no audio' },
        { agentId: 1, status: 'selected', reason: null },
        { agentId: 1, status: 'replacement', reason: null },
        { agentId: 2, status: 'selected', reason: null }
      ]
    );
    expect(rows[0]).toMatchObject({ agentId: 1, drawn: 2, replaced: 1, replacements: 1, standing: 2, reasons: ['no audio'], short: false });
    expect(rows[1]).toMatchObject({ agentId: 2, drawn: 1, standing: 1, short: true });
  });
});
