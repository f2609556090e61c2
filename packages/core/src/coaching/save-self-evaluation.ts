import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { schema } from '@attentive/db';
import type { Ctx } from '../context.ts';
import { nowOf } from '../context.ts';
import { writeAudit } from '../audit/write-audit.ts';
import { AnswersInput, Id, parseInput } from '../evaluations/inputs.ts';
import { compactAnswers, loadScorecardVersion, scoreAnswers } from '../evaluations/score.ts';
import { loadOpenSelfRequest } from './load-self-request.ts';

export const SaveSelfEvaluationInput = z.object({
  requestId: Id,
  answers: AnswersInput,
  /** Submit (every required item answered): then the lead's score becomes visible and compared. */
  submit: z.boolean().default(false)
});

/** The agent saves or submits its self-evaluation (scored with the one formula, like every evaluation). */
export async function saveSelfEvaluation({ ctx, input }: { ctx: Ctx; input: z.input<typeof SaveSelfEvaluationInput> }) {
  const data = parseInput(SaveSelfEvaluationInput, input);
  const p = ctx.principal;
  const now = nowOf(ctx);
  return ctx.db.transaction(async (tx) => {
    const { request } = await loadOpenSelfRequest(tx, p, data.requestId, 'agent');
    const [evaluation] = await tx.select().from(schema.evaluations).where(eq(schema.evaluations.id, request.selfEvaluationId));
    const version = await loadScorecardVersion(tx, p.tenantId, evaluation!.scorecardVersionId);
    const merged = compactAnswers({ ...(evaluation!.answers as Record<string, never>), ...data.answers });
    const { result, cached, revision: scored } = scoreAnswers(version.definition, merged, { requireComplete: data.submit });
    if (!data.submit) {
      await tx
        .update(schema.evaluations)
        .set({ answers: merged, ...cached, version: evaluation!.version + 1, updatedAt: now })
        .where(eq(schema.evaluations.id, evaluation!.id));
      return { status: 'open' as const, score: result };
    }
    await tx.insert(schema.evaluationRevisions).values({
      evaluationId: evaluation!.id,
      revision: 1,
      answers: merged,
      ...scored,
      authorId: p.personId ?? null,
      authorLabel: p.label,
      at: now,
      reason: null
    });
    await tx
      .update(schema.evaluations)
      .set({
        answers: merged,
        ...cached,
        status: 'submitted',
        revision: 1,
        submittedAt: now,
        version: evaluation!.version + 1,
        updatedAt: now
      })
      .where(eq(schema.evaluations.id, evaluation!.id));
    await tx
      .update(schema.selfEvaluationRequests)
      .set({ status: 'submitted', submittedAt: now })
      .where(eq(schema.selfEvaluationRequests.id, request.id));
    const after = { requestId: request.id, overallScore: result.score, answers: merged };
    await writeAudit(tx, ctx, { action: 'self_evaluation.submit', objectType: 'evaluation', objectId: evaluation!.id, after }, now);
    return { status: 'submitted' as const, score: result };
  });
}
