import { describe, expect, it } from 'vitest';
import { rankCoachingQueue, type QueueFacts } from '../src/coaching/queue-ranking.ts';
import { meanInterval } from '../src/stats/intervals.ts';

const est = (values: number[]) => meanInterval(values, { bounds: [0, 100] });
const base = (over: Partial<QueueFacts> & { agentId: number; name: string }): QueueFacts => ({
  teamName: 'T',
  tenureDays: 400,
  oriented: est([85, 90, 88, 92]),
  criticalErrors: 0,
  overdueFollowUpDays: null,
  overdueFollowUps: 0,
  openDisputes: 0,
  oldestOpenDisputeDays: null,
  ...over
});

describe('rankCoachingQueue', () => {
  it('puts a clearly low customer-oriented score first and says why, with n and the interval', () => {
    const ranked = rankCoachingQueue([
      base({ agentId: 1, name: 'Fine' }),
      base({ agentId: 2, name: 'Scripted', oriented: est([40, 45, 50, 42, 48]) })
    ]);
    expect(ranked.map((r) => r.agentId)).toEqual([2, 1]);
    expect(ranked[0]!.reasons[0]!.code).toBe('low_oriented');
    expect(ranked[0]!.reasons[0]!.text).toMatch(/Customer-oriented 45 \(n=5, 95% \d+–\d+\)/);
    expect(ranked[1]!.reasons).toEqual([]);
    expect(ranked[1]!.priority).toBe(0);
  });

  it('does not let one bad call of a strong agent dominate: wide interval → no low-score reason once n ≥ 3', () => {
    const [r] = rankCoachingQueue([base({ agentId: 1, name: 'A', oriented: est([95, 30, 90]) })]);
    expect(r!.reasons.find((x) => x.code === 'low_oriented')).toBeUndefined();
  });

  it('flags a low score on a small sample as such, at half weight', () => {
    const [small] = rankCoachingQueue([base({ agentId: 1, name: 'A', oriented: est([40]) })]);
    const [clear] = rankCoachingQueue([base({ agentId: 2, name: 'B', oriented: est([40, 41, 39, 40, 40]) })]);
    expect(small!.reasons[0]!.text).toMatch(/n=1.*small sample/);
    expect(small!.priority).toBeLessThan(clear!.priority);
  });

  it('weighs overdue follow-ups, open disputes, critical errors and new agents, reasons strongest first', () => {
    const ranked = rankCoachingQueue([
      base({ agentId: 1, name: 'New', tenureDays: 30 }),
      base({ agentId: 2, name: 'Critical', criticalErrors: 2 }),
      base({ agentId: 3, name: 'Overdue', overdueFollowUps: 1, overdueFollowUpDays: 12 }),
      base({ agentId: 4, name: 'Disputes', openDisputes: 2, oldestOpenDisputeDays: 6 }),
      base({
        agentId: 5,
        name: 'Everything',
        tenureDays: 20,
        criticalErrors: 1,
        openDisputes: 1,
        oldestOpenDisputeDays: 1,
        oriented: est([50, 52, 49])
      })
    ]);
    expect(ranked.map((r) => r.name)).toEqual(['Everything', 'Disputes', 'Overdue', 'Critical', 'New']);
    const all = ranked[0]!;
    expect(all.reasons.map((r) => r.code).sort()).toEqual(['critical_errors', 'low_oriented', 'new_agent', 'open_disputes']);
    expect(all.reasons.map((r) => r.points)).toEqual([...all.reasons.map((r) => r.points)].sort((a, b) => b - a));
    expect(ranked.find((r) => r.name === 'Overdue')!.reasons[0]!.text).toBe('Follow-up overdue by 12 days');
    expect(ranked.find((r) => r.name === 'New')!.reasons[0]!.text).toBe('New agent: 30 days in service');
    expect(ranked.find((r) => r.name === 'Disputes')!.reasons[0]!.text).toBe('2 open disputes (oldest 6 days)');
  });

  it('caps each reason so one signal cannot swamp the others', () => {
    const [r] = rankCoachingQueue([
      base({
        agentId: 1,
        name: 'A',
        criticalErrors: 50,
        overdueFollowUps: 3,
        overdueFollowUpDays: 400,
        openDisputes: 9,
        oldestOpenDisputeDays: 300
      })
    ]);
    expect(r!.reasons.find((x) => x.code === 'critical_errors')!.points).toBe(60);
    expect(r!.reasons.find((x) => x.code === 'overdue_follow_up')!.points).toBe(60);
    expect(r!.reasons.find((x) => x.code === 'open_disputes')!.points).toBe(80);
  });

  it('says so when there is nothing to go on, and breaks ties on the lower oriented score, then the name', () => {
    const ranked = rankCoachingQueue([
      base({ agentId: 1, name: 'Zed', oriented: est([80, 82, 81]) }),
      base({ agentId: 2, name: 'Amy', oriented: est([80, 82, 81]) }),
      base({ agentId: 3, name: 'Low', oriented: est([71, 72, 73]) }),
      base({ agentId: 4, name: 'Unknown', oriented: est([]) })
    ]);
    expect(ranked.map((r) => r.name)).toEqual(['Unknown', 'Low', 'Amy', 'Zed']);
    expect(ranked[0]!.reasons[0]).toMatchObject({ code: 'no_evaluations' });
  });

  it('a follow-up due today is not overdue', () => {
    const [r] = rankCoachingQueue([base({ agentId: 1, name: 'A', overdueFollowUps: 1, overdueFollowUpDays: 0 })]);
    expect(r!.reasons).toEqual([]);
  });
});
