import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { schema } from '@attentive/db';
import type { Ctx } from '../context.ts';
import { nowOf } from '../context.ts';
import { conflict } from '../errors.ts';
import { writeAudit } from '../audit/write-audit.ts';
import { linkEvaluationToSample } from '../sampling/link-evaluation-to-sample.ts';
import { insertRevision } from './insert-revision.ts';
import { evaluationDto, revisionDto } from './dto.ts';
import { AnswersInput, Id, parseInput } from './inputs.ts';
import { loadDraftForChange } from './load-for-change.ts';
import { compactAnswers, scoreAnswers } from './score.ts';
import { refuseSecondCountingEvaluation } from './counting.ts';

export const SubmitEvaluationInput = z.object({
  evaluationId: Id,
  version: z.number().int().min(1),
  /** The final answers; when omitted, the saved draft's answers are submitted. */
  answers: AnswersInput.optional()
});

/**
 * Submits a draft: every required item must be answered. Creates revision 1 (never overwritten
 * afterwards), caches the score on the evaluation and writes the audit row, all in one transaction.
 */
export async function submitEvaluation({ ctx, input }: { ctx: Ctx; input: z.input<typeof SubmitEvaluationInput> }) {
  const data = parseInput(SubmitEvaluationInput, input);
  return ctx.db.transaction(async (tx) => {
    const submitted = 'This evaluation is already submitted: change it as a new revision with a reason';
    const { evaluation, definition } = await loadDraftForChange(tx, ctx.principal, data, submitted);
    // Someone else may have submitted a scoring of this call since this draft was started.
    await refuseSecondCountingEvaluation(tx, {
      tenantId: evaluation.tenantId,
      callId: evaluation.callId,
      kind: evaluation.kind,
      exceptId: evaluation.id
    });
    const answers = compactAnswers(data.answers ?? (evaluation.answers as Record<string, never>));
    const { result, cached, revision: scored } = scoreAnswers(definition, answers, { requireComplete: true });
    const now = nowOf(ctx);
    const revision = await insertRevision(tx, ctx.principal, {
      evaluationId: evaluation.id,
      revision: 1,
      answers,
      scored,
      at: now,
      reason: null
    });
    const [row] = await tx
      .update(schema.evaluations)
      .set({ answers, ...cached, status: 'submitted', revision: 1, submittedAt: now, version: evaluation.version + 1, updatedAt: now })
      .where(and(eq(schema.evaluations.id, evaluation.id), eq(schema.evaluations.version, evaluation.version)))
      .returning();
    if (!row) throw conflict('This draft was changed by someone else; reload to see the latest');
    // A sampled call's sample item now points at its evaluation (the work queue shows it done).
    if (row.callId != null)
      await linkEvaluationToSample(tx, { tenantId: row.tenantId, callId: row.callId, evaluationId: row.id, kind: row.kind });
    const after = { revision: 1, overallScore: result.score, failed: result.failed, answers };
    await writeAudit(tx, ctx, { action: 'evaluation.submit', objectType: 'evaluation', objectId: evaluation.id, after }, now);
    return { evaluation: evaluationDto(row), revision: revisionDto(revision), score: result };
  });
}
