import { describe, expect, it } from 'vitest';
import { ItemScore, type ScoreResult } from '@attentive/shared/scorecard';
import { itemResult, itemTone } from './item-result';

/** Per-item results as the API sends them, checked against the shared schema so the fixture cannot drift. */
const item = (id: string, fraction: number | null, extra: Partial<ItemScore> = {}): ItemScore =>
  ItemScore.parse({
    id,
    value: fraction == null ? null : 'yes',
    fraction,
    earned: 0,
    possible: 0,
    na: false,
    bonus: false,
    criticalFail: false,
    ...extra
  });
const section = (items: ItemScore[]) => ({ items }) as ScoreResult['sections'][number];
const score = {
  sections: [
    section([item('greet', 1, { earned: 2, possible: 2 }), item('hold', 0.5, { earned: 1, possible: 2 })]),
    section([item('card', 0, { criticalFail: true, possible: 3 }), item('na', null, { value: 'na', na: true })]),
    section([])
  ]
};

describe('itemResult: the API result of one item, never recomputed', () => {
  it('finds the item in any section, with what the API computed', () => {
    expect(itemResult(score, 'card')).toMatchObject({ id: 'card', fraction: 0, criticalFail: true, possible: 3 });
    expect(itemResult(score, 'hold')).toMatchObject({ fraction: 0.5, earned: 1, possible: 2 });
    expect(itemResult(score, 'na')).toMatchObject({ fraction: null, na: true });
  });
  it('is null for an unknown item, no score, or a score without per-item results', () => {
    expect(itemResult(score, 'nope')).toBeNull();
    expect(itemResult(null, 'greet')).toBeNull();
    expect(itemResult(undefined, 'greet')).toBeNull();
    expect(itemResult({ sections: [section([])] }, 'greet')).toBeNull();
  });
});

describe('itemTone', () => {
  it('full, none, partial, neutral', () => {
    expect(itemTone({ fraction: 1, criticalFail: false })).toBe('pass');
    expect(itemTone({ fraction: 0, criticalFail: false })).toBe('fail');
    expect(itemTone({ fraction: 0.25, criticalFail: false })).toBe('part');
    expect(itemTone({ fraction: null, criticalFail: false })).toBeNull();
    expect(itemTone(null)).toBeNull();
  });
  it('a critical failure is a failure', () => {
    expect(itemTone({ fraction: 0, criticalFail: true })).toBe('fail');
  });
  it('N.A. (and a choice whose best option is worth 0: the API sends a null fraction) is neutral, never NaN', () => {
    expect(itemTone(itemResult(score, 'na'))).toBeNull();
  });
});
