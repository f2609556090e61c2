import { describe, expect, it } from 'vitest';
import { ScorecardDefinition, choiceOf } from '@attentive/shared/scorecard';
import { compareSelfWithLead } from '../src/coaching/compare-self.ts';
import { summariseAgent, quadrantOf, lastMonths } from '../src/coaching/agent-summary-compute.ts';
import { disputeWindow } from '../src/coaching/dispute-window.ts';

const def = ScorecardDefinition.parse({
  sections: [
    {
      id: 'open',
      title: 'Opening',
      items: [
        { id: 'greet', text: 'Greets', answer: { type: 'yes_no' }, weight: 1, dimension: 'customer_friendly' },
        { id: 'tone', text: 'Tone', answer: { type: 'scale', min: 1, max: 5 }, weight: 1, dimension: 'customer_friendly' }
      ]
    },
    {
      id: 'solve',
      title: 'Solution',
      items: [
        { id: 'need', text: 'Finds the need', answer: { type: 'yes_no' }, weight: 2, naAllowed: true, dimension: 'customer_oriented' },
        {
          id: 'next',
          text: 'Next step',
          answer: choiceOf(['unasked', 'Unasked', 2], ['asked', 'Asked', 1], ['never', 'Never', 0]),
          weight: 1,
          dimension: 'customer_oriented'
        }
      ]
    }
  ]
});

describe('compareSelfWithLead', () => {
  it('gives the gap per item in points (self − lead), null where either did not score', () => {
    const c = compareSelfWithLead(
      def,
      { greet: 'yes', tone: 5, need: 'na', next: 'unasked' },
      { greet: 'yes', tone: 2, need: 'no', next: 'asked' }
    );
    const by = Object.fromEntries(c.rows.map((r) => [r.itemId, r]));
    expect(by.greet).toMatchObject({ gap: 0, selfPoints: 100, leadPoints: 100 });
    expect(by.tone!.gap).toBeCloseTo(75); // (5−1)/4 − (2−1)/4
    expect(by.need).toMatchObject({ self: 'na', lead: 'no', selfPoints: null, gap: null });
    expect(by.next!.gap).toBeCloseTo(50);
    expect(c.summary).toMatchObject({ items: 4, compared: 3, sameAnswer: 1, selfHigher: 2, selfLower: 0 });
    expect(c.summary.meanAbsGap).toBeCloseTo((0 + 75 + 50) / 3);
  });

  it('agent harsher than the lead gives negative gaps; nothing comparable gives a null mean', () => {
    const c = compareSelfWithLead(def, { greet: 'no' }, { greet: 'yes' });
    expect(c.rows.find((r) => r.itemId === 'greet')!.gap).toBe(-100);
    expect(c.summary.selfLower).toBe(1);
    expect(compareSelfWithLead(def, {}, {}).summary.meanAbsGap).toBeNull();
  });
});

describe('summariseAgent', () => {
  const now = new Date('2026-11-20T12:00:00Z');
  const ev = (
    iso: string,
    f: number,
    o: number,
    answers: Record<string, unknown> = { greet: 'yes', tone: 5, need: 'no', next: 'never' }
  ) => ({
    submittedAt: new Date(iso),
    overallScore: (f + o) / 2,
    dimensionScores: { customer_friendly: f, customer_oriented: o, compliance: null },
    answers,
    definition: def
  });

  it('buckets per month with n and an interval, keeps empty months as n = 0, and leaves out older evaluations', () => {
    const s = summariseAgent(
      [
        ev('2026-11-02T10:00:00Z', 90, 50),
        ev('2026-11-10T10:00:00Z', 80, 60),
        ev('2026-09-15T10:00:00Z', 70, 40),
        ev('2025-01-01T00:00:00Z', 0, 0)
      ],
      now,
      3
    );
    expect(s.months.map((m) => [m.month, m.n])).toEqual([
      ['2026-09', 1],
      ['2026-10', 0],
      ['2026-11', 2]
    ]);
    const nov = s.months[2]!.dimensions.customer_friendly;
    expect(nov).toMatchObject({ n: 2, estimate: 85 });
    expect(nov.low).not.toBeNull();
    expect(s.months[0]!.dimensions.customer_friendly).toMatchObject({ n: 1, estimate: 70, low: null, high: null });
    expect(s.months[1]!.overall).toMatchObject({ n: 0, estimate: null });
    expect(s.total.n).toBe(3);
    expect(s.path.map((p) => p.month)).toEqual(['2026-09', '2026-11']);
    expect(s.position.quadrant).toBe('friendly_only');
  });

  it('finds strengths (n ≥ 3, ≥ 80) and weak items (n ≥ 2, < 80), N.A. not counted', () => {
    const evals = [1, 2, 3].map((d) => ev(`2026-11-0${d}T10:00:00Z`, 90, 40));
    const s = summariseAgent(evals, now, 6);
    expect(s.strengths.map((x) => x.itemId)).toEqual(['greet', 'tone']);
    expect(s.weak.map((x) => x.itemId)).toEqual(['need', 'next']);
    expect(s.weak[0]!.estimate).toMatchObject({ n: 3, estimate: 0 });
    const na = summariseAgent(
      [
        ev('2026-11-01T10:00:00Z', 90, 40, { greet: 'yes', tone: 5, need: 'na', next: 'never' }),
        ev('2026-11-02T10:00:00Z', 90, 40, { greet: 'yes', tone: 5, need: 'na', next: 'never' })
      ],
      now,
      6
    );
    expect(na.weak.map((x) => x.itemId)).toEqual(['next']);
  });

  it('quadrants and month keys', () => {
    expect(quadrantOf(80, 80)).toBe('both');
    expect(quadrantOf(50, 80)).toBe('oriented_only');
    expect(quadrantOf(50, 50)).toBe('neither');
    expect(quadrantOf(null, 50)).toBeNull();
    expect(lastMonths(new Date('2026-01-15T00:00:00Z'), 3)).toEqual(['2025-11', '2025-12', '2026-01']);
  });
});

describe('disputeWindow', () => {
  it('is open until exactly `days` after submission', () => {
    const at = new Date('2026-11-01T10:00:00Z');
    expect(disputeWindow(at, 7, new Date('2026-11-08T09:59:59Z')).open).toBe(true);
    expect(disputeWindow(at, 7, new Date('2026-11-08T10:00:00Z')).open).toBe(false);
    expect(disputeWindow(at, 0, at).open).toBe(false);
    expect(disputeWindow(null, 7, at).open).toBe(false);
  });
});
