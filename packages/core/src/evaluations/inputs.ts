import { z } from 'zod';
import { AnswerOrNull } from '@attentive/shared/scorecard';
import { EVALUATION_KINDS } from '@attentive/db/schema/evaluations';

/** item id → answer; null clears an answer in a draft. */
export const AnswersInput = z
  .record(z.string().min(1).max(64), AnswerOrNull)
  .refine((a) => Object.keys(a).length <= 500, 'too many answers');
export const EvaluationKind = z.enum(EVALUATION_KINDS);

/** The one input parser of core (src/input.ts), re-exported where the evaluation and coaching verbs import it. */
export { Id, parseInput } from '../input.ts';
