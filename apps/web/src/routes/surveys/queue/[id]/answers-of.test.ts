import { describe, expect, it } from 'vitest';
import { answersOf } from './answers-of';

const Q = [
  { id: 'csat', scale: { type: 'scale' as const } },
  { id: 'solved', scale: { type: 'yes_no' as const } },
  { id: 'comment', scale: { type: 'text' as const } }
];
const form = (o: Record<string, string>) => {
  const f = new FormData();
  for (const [k, v] of Object.entries(o)) f.set(k, v);
  return f;
};

describe('answersOf', () => {
  it('reads scales as numbers, yes/no as booleans, text as typed, and leaves out what is blank', () => {
    expect(answersOf(Q, form({ 'q:csat': '4', 'q:solved': 'no', 'q:comment': 'Fine' }))).toEqual({
      csat: 4,
      solved: false,
      comment: 'Fine'
    });
    expect(answersOf(Q, form({ 'q:comment': '   ' }))).toEqual({});
  });
  it('passes anything else on for the API to refuse beside its question', () => {
    expect(answersOf(Q, form({ 'q:csat': '4.5', 'q:solved': 'maybe' }))).toEqual({ csat: '4.5', solved: 'maybe' });
  });
});
