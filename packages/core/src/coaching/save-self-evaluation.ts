import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { schema } from '@attentive/db';
import type { Ctx } from '../context.ts';
import { nowOf } from '../context.ts';
import { conflict, forbidden } from '../errors.ts';
import { writeAudit } from '../audit/write-audit.ts';
import { isAgentSelf } from '../policy/coaching.ts';
import { AnswersInput, Id, parseInput } from '../evaluations/inputs.ts';
import { compactAnswers, loadScorecardVersion, scoreAnswers } from '../evaluations/score.ts';
import { loadSelfRequest } from './load-self-request.ts';

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
    const { request, scope } = await loadSelfRequest(tx, p, data.requestId);
    if (!isAgentSelf(p, scope)) throw forbidden('Only the agent fills in its self-evaluation');
    if (request.status === 'cancelled') throw conflict('Your coach withdrew this self-evaluation request');
    if (request.status !== 'open') throw conflict('This self-evaluation is already submitted');
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
    await writeAudit(
      tx,
      { principal: p, requestId: ctx.requestId },
      {
        action: 'self_evaluation.submit',
        objectType: 'evaluation',
        objectId: evaluation!.id,
        after: { requestId: request.id, overallScore: result.score, answers: merged }
      },
      now
    );
    return { status: 'submitted' as const, score: result };
  });
}
