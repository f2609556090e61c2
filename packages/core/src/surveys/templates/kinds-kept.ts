import type { SurveyQuestion } from '@attentive/shared/surveys';
import { invalid, type ErrorDetail } from '../../errors.ts';

/**
 * A question id keeps its kind across a template's versions. Answers are stored by question id, so results
 * that follow one question through versions (and a reader comparing version 1 with version 3) would mix a
 * 1–5 CSAT with a 0–10 NPS under the same id. A new kind is a new question: it gets a new id. Throws one
 * VALIDATION error naming each question (`questions.<index>.kind`).
 */
export function assertKindsKept(
  earlier: readonly { version: number; questions: readonly SurveyQuestion[] }[],
  questions: readonly SurveyQuestion[]
) {
  const kindOf = new Map<string, { kind: string; version: number }>();
  for (const v of earlier) for (const q of v.questions) kindOf.set(q.id, { kind: q.kind, version: v.version });
  const details: ErrorDetail[] = [];
  questions.forEach((q, i) => {
    const was = kindOf.get(q.id);
    if (was && was.kind !== q.kind)
      details.push({
        path: `questions.${i}.kind`,
        message: `question id "${q.id}" asked ${was.kind} in version ${was.version}: give a question of another kind a new id`
      });
  });
  if (details.length) throw invalid(`Invalid input: ${details.map((d) => `${d.path}: ${d.message}`).join('; ')}`, details);
}
