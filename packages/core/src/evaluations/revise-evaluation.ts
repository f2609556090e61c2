import { z } from 'zod';
import { plainText } from '@attentive/shared';
import type { Ctx } from '../context.ts';
import { conflict } from '../errors.ts';
import { applyRevisionInTx } from './apply-revision.ts';
import { evaluationDto, revisionDto } from './dto.ts';
import { AnswersInput, Id, parseInput } from './inputs.ts';
import { expectVersion, loadForChange } from './load-for-change.ts';

export const ReviseEvaluationInput = z.object({
  evaluationId: Id,
  /** The revision the client edited: if someone revised in between, 409. */
  revision: z.number().int().min(1),
  answers: AnswersInput,
  reason: plainText({ min: 3, minMessage: 'say why the evaluation changes (at least 3 characters)', max: 2000, multiline: true })
});

/**
 * Changes a submitted evaluation as a new revision with who, when and why. Earlier revisions stay
 * as they were; the evaluation row caches the new result. Audited in the same transaction.
 */
export async function reviseEvaluation({ ctx, input }: { ctx: Ctx; input: z.input<typeof ReviseEvaluationInput> }) {
  const data = parseInput(ReviseEvaluationInput, input);
  return ctx.db.transaction(async (tx) => {
    const { evaluation, definition } = await loadForChange(tx, ctx.principal, data.evaluationId);
    if (evaluation.status !== 'submitted') throw conflict('This evaluation is still a draft: submit it first');
    expectVersion(evaluation.revision, data.revision, `Revision ${data.revision}`);
    // The one revise step (shared with dispute resolution): new revision, cached score, audit row.
    const {
      evaluation: row,
      revision,
      result
    } = await applyRevisionInTx(tx, ctx, { evaluation, definition, answers: data.answers, reason: data.reason });
    return { evaluation: evaluationDto(row), revision: revisionDto(revision!), score: result };
  });
}
