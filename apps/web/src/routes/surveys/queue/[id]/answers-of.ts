/** The few facts of a question the form reads. */
type Question = { id: string; scale: { type: 'scale' | 'yes_no' | 'text' } };

/**
 * The form's fields (`q:<question id>`) as the API's answers: a scale's digits as a number, yes/no as
 * true/false, a comment as typed; an unanswered question is left out (the API names a required one).
 * Anything else is passed on as typed, for the API to refuse beside its question.
 */
export function answersOf(questions: readonly Question[], f: FormData): Record<string, number | boolean | string> {
  const out: Record<string, number | boolean | string> = {};
  for (const q of questions) {
    const v = String(f.get(`q:${q.id}`) ?? '');
    if (v === '') continue;
    if (q.scale.type === 'scale') out[q.id] = /^\d+$/.test(v) ? Number(v) : v;
    else if (q.scale.type === 'yes_no') out[q.id] = v === 'yes' ? true : v === 'no' ? false : v;
    else if (v.trim() !== '') out[q.id] = v;
  }
  return out;
}
