import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { STANDARD_QUESTIONS, SURVEY_QUESTION_KINDS, type SurveyQuestion, type SurveyQuestionKind } from '@attentive/shared/surveys';
import { SurveyQuestions, SurveyTemplateContent } from '@attentive/shared/survey-templates';
import { standardColumns } from '../src/surveys/answers.ts';
import { assertKindsKept } from '../src/surveys/templates/kinds-kept.ts';
import { DomainError } from '../src/errors.ts';

/** The rules of a template's questions (shared SurveyQuestions) and of its versions (core kinds-kept). */

const text = { en: 'A question in English?', nl: 'Een vraag in het Nederlands?' };
const question = (id: string, kind: SurveyQuestionKind): SurveyQuestion => ({ id, kind, attribution: 'agent', required: false, text });

/** Questions with ids from a small pool and any kinds: duplicates of both happen often. */
const questionsArb = fc.array(
  fc.record({ id: fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'), kind: fc.constantFrom(...SURVEY_QUESTION_KINDS) }),
  { minLength: 0, maxLength: 10 }
);

const paths = (r: ReturnType<typeof SurveyQuestions.safeParse>) => (r.success ? [] : r.error.issues.map((i) => i.path.join('.')));

describe('the questions of a version', () => {
  it('the standard survey is valid', () => {
    expect(SurveyQuestions.safeParse(STANDARD_QUESTIONS).success).toBe(true);
  });

  it('accepted exactly when there is a question, ids are unique and each kind but comment is asked once; each refusal names the later question', () => {
    fc.assert(
      fc.property(questionsArb, (raw) => {
        const qs = raw.map((q) => question(q.id, q.kind));
        const dupIds = qs.flatMap((q, i) => (qs.findIndex((x) => x.id === q.id) < i ? [`${i}.id`] : []));
        const dupKinds = qs.flatMap((q, i) => (q.kind !== 'comment' && qs.findIndex((x) => x.kind === q.kind) < i ? [`${i}.kind`] : []));
        const r = SurveyQuestions.safeParse(qs);
        expect(r.success).toBe(qs.length > 0 && dupIds.length === 0 && dupKinds.length === 0);
        if (qs.length > 0) expect(paths(r).sort()).toEqual([...dupIds, ...dupKinds].sort());
      })
    );
  });

  it('what the rule protects: in an accepted survey every scale and yes/no answer lands in its typed column', () => {
    const answerOf = (kind: SurveyQuestionKind, n: number) =>
      kind === 'csat' || kind === 'ces' || kind === 'nps' ? 1 + (n % 5) : kind === 'comment' ? `comment ${n}` : n % 2 === 0;
    const column: Record<Exclude<SurveyQuestionKind, 'comment'>, keyof ReturnType<typeof standardColumns>> = {
      csat: 'csat',
      ces: 'ces',
      nps: 'nps',
      fcr_solved: 'fcrSolved',
      fcr_recontact: 'fcrRecontact',
      promise_kept: 'promiseKept'
    };
    fc.assert(
      fc.property(questionsArb, fc.nat(), (raw, seed) => {
        const qs = raw.map((q) => question(q.id, q.kind));
        if (!SurveyQuestions.safeParse(qs).success) return;
        const answers = Object.fromEntries(qs.map((q, i) => [q.id, answerOf(q.kind, seed + i)]));
        const cols = standardColumns(qs, answers);
        for (const q of qs) if (q.kind !== 'comment') expect(cols[column[q.kind]]).toBe(answers[q.id]);
      })
    );
  });

  it('a name, both languages of the intro and of every question are required', () => {
    const r = SurveyTemplateContent.safeParse({
      name: '',
      intro: { en: 'Hello there' },
      questions: [{ ...question('csat', 'csat'), text: { en: 'How satisfied?' } }]
    });
    expect(r.success).toBe(false);
    expect(r.error!.issues.map((i) => i.path.join('.')).sort()).toEqual(['intro.nl', 'name', 'questions.0.text.nl']);
  });
});

describe('a question id keeps its kind across versions', () => {
  const refusedPaths = (fn: () => void) => {
    try {
      fn();
      return [];
    } catch (e) {
      if (!(e instanceof DomainError)) throw e;
      expect(e.code).toBe('VALIDATION');
      return (e.details ?? []).map((d) => d.path);
    }
  };

  it('refuses exactly the questions whose id asked another kind in an earlier version', () => {
    fc.assert(
      fc.property(fc.array(questionsArb, { minLength: 1, maxLength: 4 }), questionsArb, (earlierRaw, nextRaw) => {
        const earlier = earlierRaw.map((qs, i) => ({ version: i + 1, questions: qs.map((q) => question(q.id, q.kind)) }));
        const next = nextRaw.map((q) => question(q.id, q.kind));
        const last = new Map<string, SurveyQuestionKind>();
        for (const v of earlier) for (const q of v.questions) last.set(q.id, q.kind);
        const expected = next.flatMap((q, i) => (last.has(q.id) && last.get(q.id) !== q.kind ? [`questions.${i}.kind`] : []));
        expect(refusedPaths(() => assertKindsKept(earlier, next))).toEqual(expected);
      })
    );
  });

  it('new ids, dropped questions and changed texts are fine', () => {
    const v1 = { version: 1, questions: STANDARD_QUESTIONS };
    const next = [{ ...STANDARD_QUESTIONS[0]!, text: text }, question('waited', 'comment')];
    expect(refusedPaths(() => assertKindsKept([v1], next))).toEqual([]);
  });
});
