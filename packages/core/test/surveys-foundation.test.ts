import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ANSWER_SCALES, STANDARD_QUESTIONS, SURVEY_QUESTION_KINDS, isLowAnswer, type SurveyAnswers } from '@attentive/shared/surveys';
import { afterAttempt, contactCipher, lowAnswers, newContactKey, standardColumns, validateSurveyAnswers } from '../src/surveys/index.ts';
import { DomainError } from '../src/errors.ts';

const complete: SurveyAnswers = { csat: 4, solved: true, recontact: false, effort: 6, recommend: 9, promise: true, comment: ' Fine ' };

function pathsOf(fn: () => unknown): string[] {
  try {
    fn();
  } catch (e) {
    if (e instanceof DomainError) return (e.details ?? []).map((d) => d.path ?? '');
    throw e;
  }
  return [];
}

describe('validateSurveyAnswers', () => {
  it('keeps valid answers, trims comments and drops empty ones', () => {
    expect(validateSurveyAnswers(STANDARD_QUESTIONS, complete)).toEqual({ ...complete, comment: 'Fine' });
    const { comment: _, ...rest } = complete;
    expect(validateSurveyAnswers(STANDARD_QUESTIONS, { ...rest, comment: '   ' })).toEqual(rest);
  });

  it('names every bad answer: out of range, wrong type, unknown question, missing required', () => {
    const paths = pathsOf(() =>
      validateSurveyAnswers(STANDARD_QUESTIONS, { csat: 6, solved: 'yes', effort: 0, recommend: 3.5, extra: 1 } as never)
    );
    expect(paths.sort()).toEqual(['answers.csat', 'answers.effort', 'answers.extra', 'answers.recommend', 'answers.solved'].sort());
    expect(pathsOf(() => validateSurveyAnswers(STANDARD_QUESTIONS, {}))).toEqual(
      STANDARD_QUESTIONS.filter((q) => q.required).map((q) => `answers.${q.id}`)
    );
  });

  it('accepts exactly the whole numbers on each scale (property)', () => {
    fc.assert(
      fc.property(fc.constantFrom(...SURVEY_QUESTION_KINDS), fc.integer({ min: -3, max: 13 }), (kind, value) => {
        const scale = ANSWER_SCALES[kind];
        const q = [{ id: 'q', kind, attribution: 'agent' as const, required: true, text: { en: 'abc', nl: 'abc' } }];
        const ok = scale.type === 'scale' && value >= scale.min && value <= scale.max;
        expect(pathsOf(() => validateSurveyAnswers(q, { q: value }))).toEqual(ok ? [] : ['answers.q']);
      })
    );
  });

  it('refuses a comment with control characters', () => {
    expect(pathsOf(() => validateSurveyAnswers(STANDARD_QUESTIONS, { ...complete, comment: 'a\u0007b' }))).toEqual(['answers.comment']);
  });
});

describe('low answers and standard columns', () => {
  it('flags low scores with their attribution, and maps answers to the typed columns', () => {
    const answers = { ...complete, csat: 2, recontact: true, recommend: 3, promise: false };
    expect(lowAnswers(STANDARD_QUESTIONS, answers)).toEqual([
      { questionId: 'csat', kind: 'csat', attribution: 'agent', value: 2 },
      { questionId: 'recommend', kind: 'nps', attribution: 'process', value: 3 },
      { questionId: 'promise', kind: 'promise_kept', attribution: 'agent', value: false }
    ]);
    expect(lowAnswers(STANDARD_QUESTIONS, complete)).toEqual([]);
    expect(standardColumns(STANDARD_QUESTIONS, complete)).toEqual({
      csat: 4,
      fcrSolved: true,
      fcrRecontact: false,
      ces: 6,
      nps: 9,
      promiseKept: true,
      comment: ' Fine '
    });
  });

  it('never calls a comment low, and calls the top of every scale fine', () => {
    for (const kind of SURVEY_QUESTION_KINDS) {
      const s = ANSWER_SCALES[kind];
      if (s.type === 'scale') expect(isLowAnswer(kind, s.max)).toBe(false);
    }
    expect(isLowAnswer('comment', 'terrible')).toBe(false);
  });
});

describe('afterAttempt (retry rules)', () => {
  const rules = { maxAttempts: 3, retryMinutes: 60 };
  const at = new Date('2026-11-02T10:00:00Z');

  it('retries no answer and voicemail after the spacing until the attempts are used up', () => {
    expect(afterAttempt({ attempts: 0 }, 'no_answer', rules, at)).toEqual({
      attempts: 1,
      status: 'open',
      nextAttemptAt: new Date('2026-11-02T11:00:00Z'),
      closed: false
    });
    expect(afterAttempt({ attempts: 2 }, 'voicemail', rules, at).status).toBe('unreachable');
  });

  it('closes on a final outcome whatever the count (property)', () => {
    fc.assert(
      fc.property(
        fc.nat(10),
        fc.constantFrom('no_answer', 'voicemail', 'wrong_number', 'declined', 'completed' as const),
        fc.integer({ min: 1, max: 10 }),
        (attempts, outcome, maxAttempts) => {
          const r = afterAttempt({ attempts }, outcome, { maxAttempts, retryMinutes: 30 }, at);
          expect(r.attempts).toBe(attempts + 1);
          expect(r.closed).toBe(r.status !== 'open');
          if (outcome === 'completed' || outcome === 'declined' || outcome === 'wrong_number') expect(r.status).toBe(outcome);
          else expect(r.status).toBe(attempts + 1 >= maxAttempts ? 'unreachable' : 'open');
          expect(r.nextAttemptAt.getTime()).toBeGreaterThanOrEqual(at.getTime());
        }
      )
    );
  });
});

describe('contactCipher', () => {
  it('round-trips, never repeats a ciphertext, and refuses a tampered value or another key', () => {
    const key = newContactKey();
    const c = contactCipher(key);
    const a = c.encrypt('+31 6 1234 5678');
    const b = c.encrypt('+31 6 1234 5678');
    expect(a).not.toBe(b);
    expect(a).not.toContain('1234');
    expect(c.decrypt(a)).toBe('+31 6 1234 5678');
    const parts = a.split('.');
    parts[3] = parts[3]!.slice(0, -2) + (parts[3]!.endsWith('AA') ? 'AB' : 'AA');
    expect(() => c.decrypt(parts.join('.'))).toThrow();
    expect(() => contactCipher(newContactKey()).decrypt(a)).toThrow();
  });

  it('takes a key as 64 hex digits or base64, and refuses any other length', () => {
    expect(() => contactCipher('ab'.repeat(32))).not.toThrow();
    expect(() => contactCipher(Buffer.alloc(16).toString('base64'))).toThrow(/32 bytes/);
  });
});
