import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { schema } from '@attentive/db';
import type { Ctx } from '../context.ts';
import { nowOf } from '../context.ts';
import { conflict } from '../errors.ts';
import { evaluationDto } from './dto.ts';
import { AnswersInput, Id, parseInput } from './inputs.ts';
import { loadDraftForChange } from './load-for-change.ts';
import { compactAnswers, scoreAnswers } from './score.ts';

export const SaveDraftInput = z.object({
  evaluationId: Id,
  /** The `version` the client edited: a stale one is refused (409), never silently overwritten. */
  version: z.number().int().min(1),
  /** The whole working answer set (null or missing: not answered yet). */
  answers: AnswersInput
});

/**
 * Autosave: replaces the draft's working answers and cached score. No revision and no audit row per
 * keystroke; revisions start at submit. Answers are validated (unknown item, wrong type, N.A. not
 * allowed → 400 naming the item) but may be incomplete.
 */
export async function saveDraft({ ctx, input }: { ctx: Ctx; input: z.input<typeof SaveDraftInput> }) {
  const data = parseInput(SaveDraftInput, input);
  return ctx.db.transaction(async (tx) => {
    const submitted = 'This evaluation is submitted: change it as a new revision with a reason';
    const { evaluation, definition } = await loadDraftForChange(tx, ctx.principal, data, submitted);
    const answers = compactAnswers(data.answers);
    const { result, cached } = scoreAnswers(definition, answers, { requireComplete: false });
    const [row] = await tx
      .update(schema.evaluations)
      .set({ answers, ...cached, version: evaluation.version + 1, updatedAt: nowOf(ctx) })
      .where(and(eq(schema.evaluations.id, evaluation.id), eq(schema.evaluations.version, evaluation.version)))
      .returning();
    if (!row) throw conflict('This draft was changed by someone else; reload to see the latest');
    return { evaluation: evaluationDto(row), score: result };
  });
}
