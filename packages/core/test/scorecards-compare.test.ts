import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { comparableItemIds } from '../src/scorecards/compare.ts';

type Def = Parameters<typeof comparableItemIds>[0];
const ANSWER_TYPES = ['yes_no', 'scale', 'choice'] as const;
const item = (id: string, type: (typeof ANSWER_TYPES)[number]) => ({ id, answer: { type } }) as Def['sections'][number]['items'][number];
const def = (...sections: [string, (typeof ANSWER_TYPES)[number]][][]): Def =>
  ({ sections: sections.map((items, i) => ({ id: `s${i}`, items: items.map(([id, type]) => item(id, type)) })) }) as Def;

/** A definition of up to 12 items with ids from a small pool (so two definitions share some), spread over sections. */
const arbDef = fc
  .uniqueArray(fc.record({ id: fc.constantFrom(...'abcdefghijklmnop'.split('')), type: fc.constantFrom(...ANSWER_TYPES) }), {
    selector: (x) => x.id,
    maxLength: 12
  })
  .chain((items) =>
    fc
      .integer({ min: 1, max: 3 })
      .map((n) =>
        def(
          ...Array.from({ length: n }, (_, s) =>
            items.filter((_, i) => i % n === s).map((x) => [x.id, x.type] as [string, (typeof ANSWER_TYPES)[number]])
          )
        )
      )
  );

describe('comparableItemIds: the items a mystery-call form shares with the call scorecard', () => {
  it('keeps items with the same id and answer type, across sections, in the order of the first definition', () => {
    const form = def(
      [
        ['greeting', 'yes_no'],
        ['right-answer', 'yes_no']
      ],
      [
        ['empathy', 'scale'],
        ['next-step', 'yes_no']
      ]
    );
    const calls = def(
      [
        ['next-step', 'yes_no'],
        ['empathy', 'yes_no']
      ],
      [
        ['greeting', 'yes_no'],
        ['id-check', 'yes_no']
      ]
    );
    expect(comparableItemIds(form, calls)).toEqual(['greeting', 'next-step']);
    expect(comparableItemIds(calls, form)).toEqual(['next-step', 'greeting']);
    expect(comparableItemIds(form, def())).toEqual([]);
  });

  it('properties: a definition compares fully with itself; the result is the same set both ways and lies in both', () => {
    fc.assert(
      fc.property(arbDef, arbDef, (a, b) => {
        const ids = (d: Def) => d.sections.flatMap((s) => s.items.map((i) => i.id));
        expect(comparableItemIds(a, a)).toEqual(ids(a));
        const ab = comparableItemIds(a, b);
        expect(new Set(ab)).toEqual(new Set(comparableItemIds(b, a)));
        for (const id of ab) expect(ids(a).includes(id) && ids(b).includes(id)).toBe(true);
      })
    );
  });
});
