import { z } from 'zod';
import type { Ctx } from '../context.ts';
import { computeScore } from '../scoring/compute-score.ts';
import { validateAnswers } from '../scoring/validate-answers.ts';
import { AnswersInput, Id, parseInput } from './inputs.ts';
import { loadForChange } from './load-for-change.ts';
import { compactAnswers } from './score.ts';

export const PreviewScoreInput = z.object({ evaluationId: Id, answers: AnswersInput });

/**
 * The score a set of answers would get on this evaluation's scorecard version, without storing
 * anything: the live score while an evaluator edits a submitted evaluation (drafts get it from autosave).
 */
export async function previewScore({ ctx, input }: { ctx: Ctx; input: z.input<typeof PreviewScoreInput> }) {
  const data = parseInput(PreviewScoreInput, input);
  const { definition } = await loadForChange(ctx.db, ctx.principal, data.evaluationId);
  const answers = compactAnswers(data.answers);
  validateAnswers(definition, answers);
  return { score: computeScore(definition, answers) };
}
