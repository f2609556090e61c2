import { ANSWER_SCALES, isLowAnswer, type SurveyAnswers, type SurveyQuestion } from '@attentive/shared/surveys';
import { plainText } from '@attentive/shared/text';
import { invalid, type ErrorDetail } from '../errors.ts';

const CommentText = plainText({ max: 2000, min: 1, multiline: true });

/**
 * Checks a survey's answers against its questions: every key a question of this version, every value of the
 * question's type and on its scale, every required question answered. Throws one VALIDATION error naming each
 * bad answer (`answers.<question id>`); returns the answers with comments trimmed and empty comments dropped.
 */
export function validateSurveyAnswers(questions: readonly SurveyQuestion[], answers: SurveyAnswers, prefix = 'answers.'): SurveyAnswers {
  const details: ErrorDetail[] = [];
  const out: SurveyAnswers = {};
  const byId = new Map(questions.map((q) => [q.id, q]));
  for (const key of Object.keys(answers))
    if (!byId.has(key)) details.push({ path: prefix + key, message: 'is not a question of this survey' });
  for (const q of questions) {
    const path = prefix + q.id;
    const value = Object.hasOwn(answers, q.id) ? answers[q.id] : undefined;
    const scale = ANSWER_SCALES[q.kind];
    if (value === undefined || (scale.type === 'text' && typeof value === 'string' && value.trim() === '')) {
      if (q.required) details.push({ path, message: 'is required' });
      continue;
    }
    if (scale.type === 'scale') {
      if (typeof value !== 'number' || !Number.isInteger(value) || value < scale.min || value > scale.max)
        details.push({ path, message: `must be a whole number from ${scale.min} to ${scale.max}` });
      else out[q.id] = value;
    } else if (scale.type === 'yes_no') {
      if (typeof value !== 'boolean') details.push({ path, message: 'must be true (yes) or false (no)' });
      else out[q.id] = value;
    } else {
      const r = typeof value === 'string' ? CommentText.safeParse(value) : null;
      if (!r?.success) details.push({ path, message: r ? (r.error.issues[0]?.message ?? 'is not valid text') : 'must be text' });
      else out[q.id] = r.data;
    }
  }
  if (details.length) throw invalid(`Invalid answers: ${details.map((d) => `${d.path}: ${d.message}`).join('; ')}`, details);
  return out;
}

export type LowAnswer = {
  questionId: string;
  kind: SurveyQuestion['kind'];
  attribution: SurveyQuestion['attribution'];
  value: number | boolean;
};

/** The answers that ask for service recovery (shared isLowAnswer), in question order. */
export function lowAnswers(questions: readonly SurveyQuestion[], answers: SurveyAnswers): LowAnswer[] {
  const low: LowAnswer[] = [];
  for (const q of questions) {
    const v = answers[q.id];
    if (v === undefined || typeof v === 'string') continue;
    if (isLowAnswer(q.kind, v)) low.push({ questionId: q.id, kind: q.kind, attribution: q.attribution, value: v });
  }
  return low;
}

/** The typed columns of a response: the first question of each standard kind (null when not asked or not answered). */
export function standardColumns(questions: readonly SurveyQuestion[], answers: SurveyAnswers) {
  const first = (kind: SurveyQuestion['kind']) => {
    const q = questions.find((x) => x.kind === kind);
    return q ? answers[q.id] : undefined;
  };
  const num = (v: unknown) => (typeof v === 'number' ? v : null);
  const bool = (v: unknown) => (typeof v === 'boolean' ? v : null);
  const comment = first('comment');
  return {
    csat: num(first('csat')),
    fcrSolved: bool(first('fcr_solved')),
    fcrRecontact: bool(first('fcr_recontact')),
    ces: num(first('ces')),
    nps: num(first('nps')),
    promiseKept: bool(first('promise_kept')),
    comment: typeof comment === 'string' ? comment : null
  };
}
