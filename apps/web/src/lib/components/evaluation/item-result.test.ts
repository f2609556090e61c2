import { describe, expect, it } from 'vitest';
import { itemResult, itemTone } from './item-result';

const score = {
  sections: [
    {
      items: [
        { id: 'greet', fraction: 1 },
        { id: 'hold', fraction: 0.5 }
      ]
    },
    {
      items: [
        { id: 'card', fraction: 0, criticalFail: true },
        { id: 'na', fraction: null, na: true }
      ]
    },
    {}
  ]
};

describe('itemResult: the API result of one item, never recomputed', () => {
  it('finds the item in any section', () => {
    expect(itemResult(score, 'card')).toEqual({ id: 'card', fraction: 0, criticalFail: true });
    expect(itemResult(score, 'hold')?.fraction).toBe(0.5);
  });
  it('is null for an unknown item, no score, or a score without per-item results', () => {
    expect(itemResult(score, 'nope')).toBeNull();
    expect(itemResult(null, 'greet')).toBeNull();
    expect(itemResult({ sections: [{}] }, 'greet')).toBeNull();
  });
});

describe('itemTone', () => {
  it('full, none, partial, neutral', () => {
    expect(itemTone({ fraction: 1 })).toBe('pass');
    expect(itemTone({ fraction: 0 })).toBe('fail');
    expect(itemTone({ fraction: 0.25 })).toBe('part');
    expect(itemTone({ fraction: null })).toBeNull();
    expect(itemTone(null)).toBeNull();
  });
  it('a critical failure is a failure', () => {
    expect(itemTone({ fraction: 0, criticalFail: true })).toBe('fail');
  });
  it('a choice whose best option is worth 0 gives the API a null fraction: neutral, never NaN', () => {
    expect(itemTone({ fraction: null })).toBeNull();
  });
});
