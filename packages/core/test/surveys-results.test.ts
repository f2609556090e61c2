import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { npsInterval } from '../src/stats/nps.ts';
import { surveyMetrics, type ResponseScores } from '../src/surveys/results/metrics.ts';
import { nonResponse, type ItemFacts } from '../src/surveys/results/non-response.ts';
import { lowAnswerSplit } from '../src/surveys/results/low-answers.ts';
import { weekOf, weeklyTrend } from '../src/surveys/results/trend.ts';
import { CALLBACK_ITEM_STATUSES } from '@attentive/shared/surveys';

const maybe = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: null });
const response: fc.Arbitrary<ResponseScores> = fc.record({
  csat: maybe(fc.integer({ min: 1, max: 5 })),
  fcrSolved: maybe(fc.boolean()),
  fcrRecontact: maybe(fc.boolean()),
  ces: maybe(fc.integer({ min: 1, max: 7 })),
  nps: maybe(fc.integer({ min: 0, max: 10 })),
  promiseKept: maybe(fc.boolean())
});

describe('npsInterval (a difference of two proportions of one multinomial)', () => {
  it('keeps NPS in [−100, 100] with an interval that holds it, inside the bounds', () => {
    fc.assert(
      fc.property(fc.nat(300), fc.nat(300), fc.nat(300), (p, d, passive) => {
        const n = p + d + passive;
        const e = npsInterval(p, d, n);
        expect(e.n).toBe(n);
        if (n === 0) return expect(e.estimate).toBeNull();
        expect(e.estimate).toBeCloseTo((100 * (p - d)) / n, 10);
        expect(e.estimate!).toBeGreaterThanOrEqual(-100);
        expect(e.estimate!).toBeLessThanOrEqual(100);
        if (n === 1) return expect(e.low).toBeNull();
        expect(e.low!).toBeLessThanOrEqual(e.estimate!);
        expect(e.high!).toBeGreaterThanOrEqual(e.estimate!);
        expect(e.low!).toBeGreaterThanOrEqual(-100);
        expect(e.high!).toBeLessThanOrEqual(100);
      })
    );
  });

  it('narrows as n grows, and never claims certainty from a few unanimous answers', () => {
    const width = (k: number) => {
      const e = npsInterval(5 * k, 2 * k, 10 * k);
      return e.high! - e.low!;
    };
    expect(width(10)).toBeLessThan(width(1));
    expect(width(100)).toBeLessThan(width(10));
    const three = npsInterval(3, 0, 3);
    expect(three).toMatchObject({ estimate: 100, high: 100 });
    expect(three.low!).toBeLessThan(50);
  });

  it('matches the textbook normal approximation for a large sample', () => {
    // 1,000 answers: 500 promoters, 200 detractors: NPS 30, SE = √((0.7 − 0.09)/1000) = 0.0247 → ± 4.84 points
    const e = npsInterval(500, 200, 1000);
    expect(e.estimate).toBe(30);
    expect(e.high! - e.low!).toBeCloseTo(2 * 1.96 * 100 * Math.sqrt(0.61 / 1000), 0);
  });

  it('refuses impossible counts', () => {
    expect(() => npsInterval(3, 3, 5)).toThrow(RangeError);
    expect(() => npsInterval(-1, 0, 5)).toThrow(RangeError);
    expect(() => npsInterval(1.5, 0, 5)).toThrow(RangeError);
  });
});

describe('surveyMetrics', () => {
  it('counts only answered questions, keeps shares in [0, 1], means on the scale and every interval around its estimate', () => {
    fc.assert(
      fc.property(fc.array(response, { maxLength: 60 }), (rows) => {
        const m = Object.fromEntries(surveyMetrics(rows).map((x) => [x.id, x]));
        const answered = (k: keyof ResponseScores) => rows.filter((r) => r[k] != null).length;
        expect(m.csat_mean!.value.n).toBe(answered('csat'));
        expect(m.csat_top2!.value.n).toBe(answered('csat'));
        expect(m.fcr_solved!.value.n).toBe(answered('fcrSolved'));
        expect(m.fcr_recontact!.value.n).toBe(answered('fcrRecontact'));
        expect(m.ces_mean!.value.n).toBe(answered('ces'));
        expect(m.ces_easy!.value.n).toBe(answered('ces'));
        expect(m.nps!.value.n).toBe(answered('nps'));
        expect(m.promise_kept!.value.n).toBe(answered('promiseKept'));
        for (const x of Object.values(m)) {
          const v = x.value;
          if (v.n === 0) expect(v.estimate).toBeNull();
          if (v.estimate == null) continue;
          const [lo, hi] = x.kind === 'proportion' ? [0, 1] : x.kind === 'nps' ? [-100, 100] : x.id === 'csat_mean' ? [1, 5] : [1, 7];
          expect(v.estimate).toBeGreaterThanOrEqual(lo);
          expect(v.estimate).toBeLessThanOrEqual(hi);
          if (v.low == null) continue;
          expect(v.low).toBeLessThanOrEqual(v.estimate + 1e-9);
          expect(v.high!).toBeGreaterThanOrEqual(v.estimate - 1e-9);
          expect(v.low).toBeGreaterThanOrEqual(lo);
          expect(v.high!).toBeLessThanOrEqual(hi);
        }
      })
    );
  });

  it('computes the formulas on a worked example', () => {
    const r = (csat: number, ces: number, nps: number, solved: boolean): ResponseScores => ({
      csat,
      ces,
      nps,
      fcrSolved: solved,
      fcrRecontact: null,
      promiseKept: null
    });
    const m = Object.fromEntries(
      surveyMetrics([r(5, 7, 10, true), r(4, 5, 9, true), r(3, 4, 7, false), r(1, 1, 0, false)]).map((x) => [x.id, x.value])
    );
    expect(m.csat_mean!.estimate).toBe(3.25);
    expect(m.csat_top2!.estimate).toBe(0.5);
    expect(m.ces_mean!.estimate).toBe(4.25);
    expect(m.ces_easy!.estimate).toBe(0.5);
    expect(m.nps!.estimate).toBe(25); // 2 promoters − 1 detractor of 4
    expect(m.fcr_solved!.estimate).toBe(0.5);
    expect(m.fcr_recontact).toEqual({ n: 0, estimate: null, low: null, high: null });
  });
});

const item: fc.Arbitrary<ItemFacts> = fc
  .record({
    status: fc.constantFrom(...CALLBACK_ITEM_STATUSES),
    attempts: fc.nat(5),
    linkSent: fc.boolean(),
    reachedIfTried: fc.boolean()
  })
  .map(({ status, attempts, linkSent, reachedIfTried }) => {
    // As the writers make them: a closed-by-outcome item has an attempt; completed/declined means reached.
    const a = ['completed', 'declined', 'wrong_number', 'unreachable'].includes(status) ? Math.max(1, attempts) : attempts;
    const reached = status === 'completed' || status === 'declined' || (a > 0 && reachedIfTried && status !== 'open');
    return { status, attempts: a, linkSent, reached };
  });

describe('nonResponse', () => {
  it('rates are shares of the right denominators, in [0, 1]', () => {
    fc.assert(
      fc.property(fc.array(item, { maxLength: 80 }), (items) => {
        const nr = nonResponse(items);
        const tried = items.filter((i) => i.attempts > 0 || i.linkSent);
        expect(nr.drawn).toBe(items.length);
        expect(nr.attempted).toBe(tried.length);
        expect(nr.reached).toBe(tried.filter((i) => i.reached).length);
        expect(nr.responses).toBe(items.filter((i) => i.status === 'completed').length);
        expect(nr.responseRate.n).toBe(items.length);
        expect(nr.reachRate.n).toBe(tried.length);
        expect(nr.responseRateClosed.n).toBe(items.filter((i) => i.status !== 'open').length);
        expect(Object.values(nr.byStatus).reduce((s, x) => s + x, 0)).toBe(items.length);
        for (const e of [nr.responseRate, nr.reachRate, nr.responseRateClosed]) {
          if (e.estimate == null) continue;
          expect(e.estimate).toBeGreaterThanOrEqual(0);
          expect(e.estimate).toBeLessThanOrEqual(1);
          expect(e.low!).toBeLessThanOrEqual(e.estimate);
          expect(e.high!).toBeGreaterThanOrEqual(e.estimate);
        }
        if (nr.responses > 0) expect(nr.responseRateClosed.estimate!).toBeGreaterThanOrEqual(nr.responseRate.estimate!);
      })
    );
  });
});

describe('lowAnswerSplit and the weekly trend', () => {
  it('counts a response with both kinds of low answer in both shares', () => {
    const s = lowAnswerSplit(10, [
      [
        { kind: 'csat', attribution: 'agent' },
        { kind: 'ces', attribution: 'process' }
      ],
      [{ kind: 'csat', attribution: 'agent' }]
    ]);
    expect(s.responsesWithLow).toBe(2);
    expect(s.agentShare.estimate).toBe(0.2);
    expect(s.processShare.estimate).toBe(0.1);
    expect(s.byKind[0]).toEqual({ kind: 'csat', attribution: 'agent', count: 2 });
  });

  it('groups by ISO week (Monday) of the draw day', () => {
    expect(weekOf('2026-11-09')).toBe('2026-11-09'); // a Monday
    expect(weekOf('2026-11-15')).toBe('2026-11-09'); // the Sunday after
    expect(weekOf('2026-11-16')).toBe('2026-11-16');
    const none: ResponseScores = { csat: null, fcrSolved: null, fcrRecontact: null, ces: null, nps: null, promiseKept: null };
    const t = weeklyTrend([
      { day: '2026-11-16', response: null },
      { day: '2026-11-10', response: { ...none, csat: 4, fcrSolved: true } },
      { day: '2026-11-11', response: { ...none, csat: 2, fcrSolved: false } }
    ]);
    expect(t.map((w) => [w.week, w.drawn, w.responses])).toEqual([
      ['2026-11-09', 2, 2],
      ['2026-11-16', 1, 0]
    ]);
    expect(t[0]!.csat.estimate).toBe(3);
    expect(t[0]!.fcr.estimate).toBe(0.5);
  });
});
