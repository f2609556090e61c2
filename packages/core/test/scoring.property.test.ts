import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DIMENSIONS } from '@attentive/shared';
import { ScorecardDefinition, type ScorecardItem, type AnswerValue } from '@attentive/shared/scorecard';
import { answerFraction, computeScore, validateAnswers } from '../src/index.ts';

// ---- generators -------------------------------------------------------------------------------

const answerType = fc.oneof(
  fc.constant({ type: 'yes_no' as const }),
  fc
    .integer({ min: -3, max: 5 })
    .chain((min) => fc.integer({ min: min + 1, max: min + 10 }).map((max) => ({ type: 'scale' as const, min, max }))),
  fc
    .array(fc.integer({ min: 0, max: 10 }), { minLength: 2, maxLength: 5 })
    .filter((pts) => pts.some((p) => p > 0))
    .map((pts) => ({ type: 'choice' as const, options: pts.map((points, i) => ({ key: `o${i}`, label: `Option ${i}`, points })) }))
);

const critical = fc.option(
  fc.record({ class: fc.constantFrom('customer', 'business', 'compliance'), failScope: fc.constantFrom('section', 'evaluation') }),
  { freq: 3 }
);

const itemShape = fc.record({
  text: fc.constant('An observable behaviour'),
  answer: answerType,
  weight: fc.oneof(fc.integer({ min: 0, max: 10 }), fc.double({ min: 0.1, max: 50, noNaN: true })),
  naAllowed: fc.boolean(),
  dimension: fc.constantFrom(...DIMENSIONS),
  critical,
  bonus: fc.integer({ min: 0, max: 9 }).map((n) => n < 2),
  required: fc.boolean()
});

const definitionArb = fc.array(fc.array(itemShape, { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 4 }).map((sections) =>
  ScorecardDefinition.parse({
    sections: sections.map((items, si) => ({
      id: `s${si}`,
      title: `Section ${si}`,
      items: items.map((it, ii) => ({ ...it, id: `s${si}-i${ii}`, critical: it.bonus ? null : it.critical }))
    }))
  })
);

const allItems = (def: ScorecardDefinition) => def.sections.flatMap((s) => s.items);

/** A valid answer value for an item (never N.A.). */
function valueArb(item: ScorecardItem): fc.Arbitrary<AnswerValue> {
  const a = item.answer;
  if (a.type === 'yes_no') return fc.constantFrom('yes', 'no');
  if (a.type === 'scale') return fc.integer({ min: a.min, max: a.max });
  return fc.constantFrom(...a.options.map((o) => o.key));
}

/** An answer set: per item unanswered, N.A. (where allowed) or a valid value. */
function answersArb(def: ScorecardDefinition) {
  return fc
    .tuple(
      ...allItems(def).map((it) =>
        fc.oneof(
          { weight: 1, arbitrary: fc.constant<AnswerValue | undefined>(undefined) },
          { weight: it.naAllowed ? 1 : 0, arbitrary: fc.constant<AnswerValue | undefined>('na') },
          { weight: 5, arbitrary: valueArb(it) as fc.Arbitrary<AnswerValue | undefined> }
        )
      )
    )
    .map((vals) => {
      const out: Record<string, AnswerValue> = {};
      allItems(def).forEach((it, i) => {
        if (vals[i] !== undefined) out[it.id] = vals[i]!;
      });
      return out;
    });
}

const caseArb = definitionArb.chain((def) => answersArb(def).map((answers) => ({ def, answers })));
const inRange = (x: number | null) => x === null || (x >= 0 && x <= 100);
const close = (a: number | null, b: number | null) =>
  a === null || b === null ? a === b : Math.abs(a - b) < 1e-9 * Math.max(1, Math.abs(a));

// ---- properties -------------------------------------------------------------------------------

describe('computeScore: properties', () => {
  it('generated answers are valid (sanity of the generators)', () => {
    fc.assert(fc.property(caseArb, ({ def, answers }) => validateAnswers(def, answers)));
  });

  it('every score lies within 0–100 or is null (bonus capped)', () => {
    fc.assert(
      fc.property(caseArb, ({ def, answers }) => {
        const r = computeScore(def, answers);
        expect(inRange(r.score) && inRange(r.rawScore)).toBe(true);
        for (const s of r.sections) expect(inRange(s.score) && inRange(s.rawScore)).toBe(true);
        for (const d of Object.values(r.dimensions)) expect(inRange(d.score) && inRange(d.rawScore)).toBe(true);
      })
    );
  });

  it('a failed critical item always fails its scope and flags its class', () => {
    fc.assert(
      fc.property(caseArb, ({ def, answers }) => {
        const r = computeScore(def, answers);
        for (const s of def.sections)
          for (const it of s.items) {
            if (!it.critical || answerFraction(it, answers[it.id]) !== 0) continue;
            expect(r.criticalErrors[it.critical.class]).toBe(true);
            expect(r.failedSections).toContain(s.id);
            const sec = r.sections.find((x) => x.id === s.id)!;
            expect(sec.failed).toBe(true);
            expect(sec.score).toBe(0);
            if (it.critical.failScope === 'evaluation') {
              expect(r.failed).toBe(true);
              expect(r.score).toBe(0);
              for (const d of Object.values(r.dimensions)) expect(d.score === 0 || d.possible === 0).toBe(true);
            }
          }
        if (r.failed) expect(r.criticalFailures.some((f) => f.failScope === 'evaluation')).toBe(true);
        // No failure without a failing critical item.
        if (!r.criticalFailures.length) expect(r.failed || r.failedSections.length).toBeFalsy();
      })
    );
  });

  it('N.A. never changes the effect of other items: it is exactly "not counted"', () => {
    fc.assert(
      fc.property(
        caseArb.chain(({ def, answers }) => fc.record({ def: fc.constant(def), answers: fc.constant(answers), pick: fc.nat() })),
        ({ def, answers, pick }) => {
          const candidates = allItems(def).filter((it) => it.naAllowed);
          fc.pre(candidates.length > 0);
          const item = candidates[pick % candidates.length]!;
          const na = computeScore(def, { ...answers, [item.id]: 'na' });
          const unanswered = computeScore(def, Object.fromEntries(Object.entries(answers).filter(([k]) => k !== item.id)));
          // N.A. and "not answered" weigh the same: neither numerator nor denominator.
          const scoresOnly = (r: ReturnType<typeof computeScore>) => ({
            ...r,
            counts: null,
            sections: r.sections.map(({ na: _n, unanswered: _u, items, ...x }) => ({
              ...x,
              items: items.map(({ id, fraction, earned, possible }) => ({ id, fraction, earned, possible }))
            }))
          });
          expect(scoresOnly(na)).toEqual(scoresOnly(unanswered));
          // Every other section keeps exactly its score.
          const sectionOf = def.sections.find((s) => s.items.includes(item))!.id;
          const withAnswer = computeScore(def, answers);
          if (!(item.id in answers) || answers[item.id] === 'na') return;
          const f = answerFraction(item, answers[item.id])!;
          if (!(item.critical && f === 0))
            for (const s of withAnswer.sections) if (s.id !== sectionOf) expect(na.sections.find((x) => x.id === s.id)).toEqual(s);
          // The denominator differs by exactly the item's weight (bonus items never count in it).
          expect(withAnswer.possible - na.possible).toBeCloseTo(item.bonus ? 0 : item.weight, 9);
        }
      )
    );
  });

  it('multiplying every weight by k > 0 changes no score', () => {
    fc.assert(
      fc.property(caseArb, fc.constantFrom(0.25, 2, 3, 7.5, 100), ({ def, answers }, k) => {
        const scaled = { sections: def.sections.map((s) => ({ ...s, items: s.items.map((it) => ({ ...it, weight: it.weight * k })) })) };
        const a = computeScore(def, answers);
        const b = computeScore(scaled, answers);
        expect(close(a.score, b.score) && close(a.rawScore, b.rawScore)).toBe(true);
        a.sections.forEach((s, i) => expect(close(s.score, b.sections[i]!.score)).toBe(true));
        for (const d of DIMENSIONS) expect(close(a.dimensions[d].score, b.dimensions[d].score)).toBe(true);
        expect(b.failed).toBe(a.failed);
      })
    );
  });

  it('without bonus, the overall score is the denominator-weighted mean of dimensions and of sections', () => {
    fc.assert(
      fc.property(caseArb, ({ def, answers }) => {
        const noBonus = { sections: def.sections.map((s) => ({ ...s, items: s.items.filter((it) => !it.bonus) })) };
        const r = computeScore(noBonus, answers);
        const dims = Object.values(r.dimensions);
        expect(dims.reduce((n, d) => n + d.possible, 0)).toBeCloseTo(r.possible, 9);
        expect(r.sections.reduce((n, s) => n + s.possible, 0)).toBeCloseTo(r.possible, 9);
        if (r.score === null) {
          expect(dims.every((d) => d.score === null)).toBe(true);
          return;
        }
        if (r.possible === 0) {
          // Nothing weighted, so no mean to take: only a failed critical (weight-0 gate) item gives a score, 0.
          expect(r.score).toBe(0);
          expect(r.criticalFailures.length).toBeGreaterThan(0);
          return;
        }
        const viaDims = dims.reduce((n, d) => n + (d.score ?? 0) * d.possible, 0) / r.possible;
        const viaSections = r.sections.reduce((n, s) => n + (s.score ?? 0) * s.possible, 0) / r.possible;
        expect(viaDims).toBeCloseTo(r.score, 9);
        expect(viaSections).toBeCloseTo(r.score, 9);
      })
    );
  });

  it('a better answer on a non-critical item never lowers any score', () => {
    fc.assert(
      fc.property(caseArb, fc.nat(), ({ def, answers }, pick) => {
        const yesNo = allItems(def).filter((it) => it.answer.type === 'yes_no' && !it.critical);
        fc.pre(yesNo.length > 0);
        const it = yesNo[pick % yesNo.length]!;
        const lo = computeScore(def, { ...answers, [it.id]: 'no' });
        const hi = computeScore(def, { ...answers, [it.id]: 'yes' });
        expect((hi.score ?? 0) + 1e-9).toBeGreaterThanOrEqual(lo.score ?? 0);
        expect(hi.dimensions[it.dimension].score! + 1e-9).toBeGreaterThanOrEqual(lo.dimensions[it.dimension].score ?? 0);
      })
    );
  });

  it('answer order and representation do not matter', () => {
    fc.assert(
      fc.property(caseArb, ({ def, answers }) => {
        const list = Object.entries(answers)
          .map(([itemId, value]) => ({ itemId, value }))
          .reverse();
        expect(computeScore(def, list)).toEqual(computeScore(def, answers));
      })
    );
  });

  it('counts add up', () => {
    fc.assert(
      fc.property(caseArb, ({ def, answers }) => {
        const c = computeScore(def, answers).counts;
        expect(c.answered + c.na + c.unanswered).toBe(c.items);
        expect(c.items).toBe(allItems(def).length);
      })
    );
  });

  it('per-item results add up to their section (before critical failures) and match the answer', () => {
    fc.assert(
      fc.property(caseArb, ({ def, answers }) => {
        const r = computeScore(def, answers);
        r.sections.forEach((sec, si) => {
          const items = def.sections[si]!.items;
          expect(sec.items.map((i) => i.id)).toEqual(items.map((i) => i.id));
          const counted = sec.items.filter((i) => i.fraction !== null);
          expect(counted.length).toBe(sec.answered);
          expect(sec.items.filter((i) => i.na).length).toBe(sec.na);
          // The section's denominator is the sum of its items' possible points.
          expect(
            close(
              sec.items.reduce((a, i) => a + i.possible, 0),
              sec.possible
            )
          ).toBe(true);
          if (!sec.failed)
            expect(
              close(
                sec.items.filter((i) => !i.bonus).reduce((a, i) => a + i.earned, 0),
                sec.earned
              )
            ).toBe(true);
          sec.items.forEach((res, ii) => {
            const it = items[ii]!;
            expect(res.fraction).toBe(answerFraction(it, answers[it.id]));
            expect(close(res.earned, it.weight * (res.fraction ?? 0))).toBe(true);
            expect(res.criticalFail).toBe(r.criticalFailures.some((f) => f.itemId === it.id));
          });
        });
      })
    );
  });
});
