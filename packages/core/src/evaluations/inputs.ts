import { z } from 'zod';
import { AnswerValue } from '@attentive/shared/scorecard';
import { EVALUATION_KINDS } from '@attentive/db/schema/evaluations';
import { invalid } from '../errors.ts';

/** item id → answer; null clears an answer in a draft. */
export const AnswersInput = z.record(z.string().min(1).max(64), AnswerValue.nullable()).refine((a) => Object.keys(a).length <= 500, 'too many answers');
export const EvaluationKind = z.enum(EVALUATION_KINDS);

export const Id = z.number().int().positive();

/** zod input parsing for verbs: a VALIDATION error naming each bad field, like the API's. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const r = schema.safeParse(input);
  if (r.success) return r.data;
  const details = r.error.issues.map((i) => ({ path: i.path.map(String).join('.') || '(input)', message: i.message }));
  throw invalid(`Invalid input: ${details.map((d) => `${d.path}: ${d.message}`).join('; ')}`, details);
}
