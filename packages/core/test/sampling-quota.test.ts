import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { agentQuota, quotaGroups, quotaWarnings } from '../src/sampling/quota.ts';
import { plannedPerStratum } from '../src/sampling/preview-strata.ts';

type Q = Parameters<typeof quotaGroups>[0];
const q = (over: Partial<Q>): Q => ({ perAgent: 4, percentOfEligible: null, newAgent: null, min: null, max: null, ...over });

describe('the quota per group of agents, as the plan preview and editor show it', () => {
  it('names the effective quota of new agents and of the others', () => {
    expect(quotaGroups(q({ perAgent: 1, newAgent: { months: 3, perAgent: 8 } }))).toEqual([
      { group: 'new', label: 'Agents in their first 3 months', quota: 8, rule: '8 calls per period' },
      { group: 'other', label: 'Other agents', quota: 1, rule: '1 call per period' }
    ]);
    expect(quotaGroups(q({ percentOfEligible: 5, min: 2, max: 6 }))).toEqual([
      { group: 'other', label: 'Every agent', quota: null, rule: '5% of its eligible calls, at least 2 and at most 6' }
    ]);
    expect(quotaGroups(q({ newAgent: { months: 1, perAgent: 10 }, max: 6 }))[0]).toMatchObject({
      label: 'Agents in their first 1 month',
      quota: 6
    });
  });

  it('warns in words when the new-agent quota is left at 8 after the general quota went to 1', () => {
    const [w, ...rest] = quotaWarnings(q({ perAgent: 1, newAgent: { months: 3, perAgent: 8 } }));
    expect(rest).toEqual([]);
    expect(w).toBe(
      'Agents in their first 3 months get 8 calls per period, 8 times the 1 call every other agent gets. Is that what you meant? Change "… get calls" under "More calls for new agents" if not.'
    );
    expect(quotaWarnings(q({ perAgent: 0, newAgent: { months: 3, perAgent: 2 } }))[0]).toMatch(/while every other agent gets none/);
  });

  it('is quiet up to twice the general quota, and says so when new agents get fewer or the maximum cuts them', () => {
    expect(quotaWarnings(q({ perAgent: 4, newAgent: { months: 3, perAgent: 8 } }))).toEqual([]);
    expect(quotaWarnings(q({ perAgent: 2, newAgent: { months: 3, perAgent: 4 } }))).toEqual([]);
    expect(quotaWarnings(q({ perAgent: 4 }))).toEqual([]);
    expect(quotaWarnings(q({ perAgent: 4, newAgent: { months: 3, perAgent: 2 } }))[0]).toMatch(
      /fewer calls \(2\) than the other agents \(4\)/
    );
    expect(quotaWarnings(q({ perAgent: 4, newAgent: { months: 3, perAgent: 8 }, max: 5 }))).toEqual([
      'The maximum of 5 cuts the new-agent quota of 8 to 5.'
    ]);
  });

  it('property: each group shows the quota the draw gives its agents; a warning exactly when new > 2 × others', () => {
    const n = fc.integer({ min: 0, max: 50 });
    fc.assert(
      fc.property(
        n,
        fc.option(fc.record({ months: fc.integer({ min: 1, max: 12 }), perAgent: n }), { nil: null }),
        fc.option(n, { nil: null }),
        fc.option(n, { nil: null }),
        (perAgent, newAgent, a, b) => {
          const [min, max] = a != null && b != null && a > b ? [b, a] : [a, b];
          const rule = q({ perAgent, newAgent, min, max });
          const groups = quotaGroups(rule);
          for (const g of groups) expect(g.quota).toBe(agentQuota(rule, { isNew: g.group === 'new' }, 100));
          const special = newAgent ? agentQuota(rule, { isNew: true }, 100) : 0;
          const general = agentQuota(rule, { isNew: false }, 100);
          const ratioWarning = quotaWarnings(rule).some((w) => / get \d+ calls? per period, /.test(w));
          expect(ratioWarning).toBe(newAgent != null && special > 2 * general);
        }
      )
    );
  });
});

describe('the quota per stratum in the preview', () => {
  it("splits each agent's quota over its strata as the draw does, and sums per stratum", () => {
    const planned = plannedPerStratum([
      {
        quota: 4,
        strata: new Map([
          ['queue:1', 30],
          ['queue:2', 10]
        ])
      }, // 3 + 1
      {
        quota: 8,
        strata: new Map([
          ['queue:1', 2],
          ['queue:2', 2]
        ])
      }, // fewer eligible than the quota: all 4
      { quota: 1, strata: new Map([['queue:2', 5]]) }
    ]);
    expect(Object.fromEntries(planned)).toEqual({ 'queue:1': 5, 'queue:2': 4 });
  });
  it('property: per agent, the strata get exactly min(quota, eligible) calls and never more than a stratum has', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 30 }),
        fc.array(fc.integer({ min: 1, max: 40 }), { minLength: 1, maxLength: 5 }),
        (quota, counts) => {
          const strata = new Map(counts.map((c, i) => [`s${i}`, c]));
          const planned = plannedPerStratum([{ quota, strata }]);
          const total = counts.reduce((s, c) => s + c, 0);
          expect([...planned.values()].reduce((s, n) => s + n, 0)).toBe(Math.min(quota, total));
          for (const [k, n] of planned) expect(n).toBeLessThanOrEqual(strata.get(k)!);
        }
      )
    );
  });
});
