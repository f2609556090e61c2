import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ScorecardDefinition, type AnswerValue } from '@attentive/shared/scorecard';
import { computeAgreement, pointsPctOf, suggestAgreedAnswer, type AgreementComputeInput } from '../src/calibration/agreement-compute.ts';
import { driftOf, leastSquaresSlope } from '../src/calibration/drift-trend.ts';

/** One item of each answer type; resolve allows N.A. */
const DEF = ScorecardDefinition.parse({
  sections: [
    {
      id: 's',
      title: 'S',
      items: [
        { id: 'greet', text: 'Greets', answer: { type: 'yes_no' }, weight: 2, dimension: 'customer_friendly' },
        { id: 'empathy', text: 'Empathy', answer: { type: 'scale', min: 1, max: 5 }, weight: 2, dimension: 'customer_friendly' },
        {
          id: 'resolve',
          text: 'Resolves',
          answer: {
            type: 'choice',
            options: [
              { key: 'full', label: 'Fully', points: 2 },
              { key: 'partial', label: 'Partly', points: 1 },
              { key: 'none', label: 'Not', points: 0 }
            ]
          },
          weight: 4,
          naAllowed: true,
          dimension: 'customer_oriented'
        }
      ]
    }
  ]
});
const [GREET, EMPATHY, RESOLVE] = DEF.sections[0]!.items;
type Ans = Record<string, AnswerValue>;

const input = (byPerson: Record<number, Record<number, Ans>>, agreed: Record<number, Ans> = {}, sessionId = 7): AgreementComputeInput => ({
  sessionId,
  definition: DEF,
  participantIds: Object.keys(byPerson).map(Number),
  callIds: [...new Set(Object.values(byPerson).flatMap((c) => Object.keys(c).map(Number)))],
  submitted: new Map(
    Object.entries(byPerson).map(([p, calls]) => [Number(p), new Map(Object.entries(calls).map(([c, a]) => [Number(c), a]))])
  ),
  agreed: new Map(Object.entries(agreed).map(([c, a]) => [Number(c), new Map(Object.entries(a))]))
});

/** Full answers for one call. */
const answers = fc.record({
  greet: fc.constantFrom('yes', 'no'),
  empathy: fc.integer({ min: 1, max: 5 }),
  resolve: fc.constantFrom('full', 'partial', 'none', 'na')
});
/** 2–5 calls, each with the answers everyone gives (perfect agreement), agreed as well. */
const sessions = fc
  .tuple(fc.integer({ min: 2, max: 5 }), fc.integer({ min: 2, max: 5 }))
  .chain(([people, calls]) =>
    fc.tuple(
      fc.constant(people),
      fc.array(answers, { minLength: calls, maxLength: calls }),
      fc.array(fc.array(answers, { minLength: calls, maxLength: calls }), { minLength: people, maxLength: people })
    )
  );
const noNaN = (x: unknown): boolean =>
  typeof x === 'number'
    ? Number.isFinite(x)
    : Array.isArray(x)
      ? x.every(noNaN)
      : x && typeof x === 'object'
        ? Object.values(x).every(noNaN)
        : true;

describe('computeAgreement', () => {
  it('perfect agreement → alpha 1 where computable (else one value used), spread 0, deviation 0 for everyone', () => {
    fc.assert(
      fc.property(sessions, ([people, calls]) => {
        const byPerson = Object.fromEntries(
          Array.from({ length: people }, (_, p) => [p + 1, Object.fromEntries(calls.map((a, c) => [100 + c, a]))])
        );
        const r = computeAgreement(input(byPerson, Object.fromEntries(calls.map((a, c) => [100 + c, a]))));
        for (const { agreement: a } of r.items) {
          if (a.alpha === null) expect(['one_value', 'no_answers']).toContain(a.alphaReason);
          else expect(a.alpha).toBeCloseTo(1, 9);
          expect(a.flagged).toBe(false);
        }
        for (const c of r.calls) expect(c.spread).toBe(0);
        expect(r.overall.meanSpread).toBe(0);
        for (const e of r.evaluators) {
          expect(e.overall?.meanAbs ?? 0).toBe(0);
          expect(e.items!.meanAbs).toBe(0);
        }
      })
    );
  });

  it('the order of participants and calls changes nothing (not even the bootstrap interval)', () => {
    fc.assert(
      fc.property(sessions, fc.boolean(), ([people, , perPerson], withAgreed) => {
        const byPerson = Object.fromEntries(perPerson.map((calls, p) => [p + 1, Object.fromEntries(calls.map((a, c) => [100 + c, a]))]));
        const agreed = withAgreed ? Object.fromEntries(perPerson[0]!.map((a, c) => [100 + c, a])) : {};
        const a = input(byPerson, agreed);
        const b = { ...a, participantIds: [...a.participantIds].reverse(), callIds: [...a.callIds].reverse() };
        expect(computeAgreement(b)).toEqual(computeAgreement(a));
        expect(people).toBeGreaterThan(1);
      }),
      { numRuns: 60 }
    );
  });

  it('never NaN or Infinity: degenerate sessions give reason codes', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.option(answers, { nil: undefined }), { minLength: 0, maxLength: 3 }), { minLength: 0, maxLength: 3 }),
        (grid) => {
          const byPerson = Object.fromEntries(
            grid.map((calls, p) => [p + 1, Object.fromEntries(calls.flatMap((a, c) => (a ? [[100 + c, a]] : [])))])
          );
          const r = computeAgreement(input(byPerson));
          expect(noNaN(r)).toBe(true);
          for (const { agreement: a } of [...r.items, { agreement: r.overall }]) {
            expect(a.alpha === null).toBe(a.alphaReason !== null);
            expect(a.interval === null).toBe(a.intervalReason !== null);
          }
        }
      ),
      { numRuns: 200 }
    );
  });

  it('names the reasons: nobody answered, one answer per call, one value used, not the same raters', () => {
    const r = computeAgreement(
      input({
        1: { 100: { greet: 'yes', empathy: 3, resolve: 'na' }, 101: { greet: 'yes', empathy: 4, resolve: 'na' } },
        2: { 100: { greet: 'yes', empathy: 3, resolve: 'na' } }
      })
    );
    const of = (id: string) => r.items.find((i) => i.itemId === id)!.agreement;
    expect(of('resolve')).toMatchObject({ alpha: null, alphaReason: 'no_answers', kappaReason: 'no_answers', flagged: false });
    expect(of('greet')).toMatchObject({ alpha: null, alphaReason: 'one_value', units: 1 });
    expect(of('empathy')).toMatchObject({ alpha: null, kappaReason: 'not_same_raters' });
    const alone = computeAgreement(input({ 1: { 100: { greet: 'yes', empathy: 3, resolve: 'full' } } }));
    expect(alone.items[0]!.agreement).toMatchObject({ alpha: null, alphaReason: 'too_few_answers', units: 0 });
    expect(alone.calls[0]!.spread).toBeNull();
  });

  it('kappa when every call has the same raters, with its band; alpha with an interval and a band', () => {
    const r = computeAgreement(
      input({
        1: {
          100: { greet: 'yes', empathy: 5, resolve: 'full' },
          101: { greet: 'no', empathy: 1, resolve: 'none' },
          102: { greet: 'yes', empathy: 3, resolve: 'partial' }
        },
        2: {
          100: { greet: 'yes', empathy: 5, resolve: 'full' },
          101: { greet: 'no', empathy: 2, resolve: 'none' },
          102: { greet: 'yes', empathy: 3, resolve: 'partial' }
        }
      })
    );
    const greet = r.items[0]!.agreement;
    expect(greet).toMatchObject({ alpha: 1, band: 'reliable', kappa: 1, kappaBand: 'almostPerfect', percentAgreement: 1, flagged: false });
    expect(greet.interval).not.toBeNull();
    expect(r.items[1]!.agreement.level).toBe('ordinal');
    expect(r.overall.level).toBe('interval');
  });

  it('deviation: item points % on one scale; overall only for calls with every item agreed', () => {
    expect(pointsPctOf(GREET!, 'yes')).toBe(100);
    expect(pointsPctOf(EMPATHY!, 2)).toBe(25);
    expect(pointsPctOf(RESOLVE!, 'partial')).toBe(50);
    expect(pointsPctOf(RESOLVE!, 'na')).toBeNull();
    const r = computeAgreement(
      input(
        { 1: { 100: { greet: 'yes', empathy: 5, resolve: 'full' }, 101: { greet: 'yes', empathy: 5, resolve: 'full' } } },
        { 100: { greet: 'no', empathy: 5, resolve: 'full' }, 101: { greet: 'no' } }
      )
    );
    // Call 100 agreed in full: 6/8 = 75% vs 100% → +25; call 101 only partly agreed: no agreed score.
    expect(r.calls.map((c) => c.agreedScore)).toEqual([75, null]);
    expect(r.evaluators[0]!.overall).toEqual({ n: 1, mean: 25, meanAbs: 25 });
    // Items: greet +100 twice, empathy 0, resolve 0 → n 4, mean 50.
    expect(r.evaluators[0]!.items).toEqual({ n: 4, mean: 50, meanAbs: 50 });
    expect(r.evaluators[0]!.byItem.find((i) => i.itemId === 'greet')).toEqual({ itemId: 'greet', n: 2, mean: 100, meanAbs: 100 });
  });
});

describe('suggestAgreedAnswer', () => {
  it('majority for yes/no and choices (ties: the first in the item order), lower median for a scale, N.A. left out', () => {
    expect(suggestAgreedAnswer(GREET!, ['no', 'yes', 'no', null])).toBe('no');
    expect(suggestAgreedAnswer(GREET!, ['no', 'yes'])).toBe('yes');
    expect(suggestAgreedAnswer(RESOLVE!, ['none', 'partial', 'na', 'na'])).toBe('partial');
    expect(suggestAgreedAnswer(EMPATHY!, [5, 1, 4, 2])).toBe(2);
    expect(suggestAgreedAnswer(EMPATHY!, [5, 1, 4])).toBe(4);
    expect(suggestAgreedAnswer(RESOLVE!, ['na', null])).toBeNull();
  });
});

describe('drift', () => {
  it('slope by least squares; up / down / steady beyond 2 points per session; none with fewer than 3 sessions', () => {
    expect(leastSquaresSlope([0, 10, 20])).toBe(10);
    expect(driftOf([0, 10, 20])).toEqual({ slope: 10, drift: 'up' });
    expect(driftOf([5, 0, -5, -10]).drift).toBe('down');
    expect(driftOf([1, -1, 1, 0]).drift).toBe('steady');
    expect(driftOf([0, 50])).toEqual({ slope: null, drift: null });
  });
  it('a constant offset never drifts', () => {
    fc.assert(
      fc.property(fc.integer({ min: -100, max: 100 }), fc.integer({ min: 3, max: 12 }), (c, n) => {
        expect(driftOf(Array(n).fill(c)).drift).toBe('steady');
      })
    );
  });
});
