import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { schema } from '@attentive/db';
import type { Ctx } from '../context.ts';
import { nowOf } from '../context.ts';
import { conflict, forbidden } from '../errors.ts';
import { writeAudit } from '../audit/write-audit.ts';
import { isAgentSelf } from '../policy/coaching.ts';
import { Id, parseInput } from '../evaluations/inputs.ts';
import { loadEvaluationForCoaching } from './scope.ts';
import { acknowledgeable } from '../evaluations/kinds.ts';

export const AcknowledgeEvaluationInput = z.object({ evaluationId: Id });

/**
 * The agent confirms it read the current revision of one of its evaluations. Acknowledging the same
 * revision again changes nothing and answers the first acknowledgement.
 */
export async function acknowledgeEvaluation({ ctx, input }: { ctx: Ctx; input: z.input<typeof AcknowledgeEvaluationInput> }) {
  const { evaluationId } = parseInput(AcknowledgeEvaluationInput, input);
  return ctx.db.transaction(async (tx) => {
    const { evaluation, agentScope } = await loadEvaluationForCoaching(tx, ctx.principal, evaluationId);
    if (!isAgentSelf(ctx.principal, agentScope)) throw forbidden('Only the evaluated agent acknowledges an evaluation');
    if (evaluation.status !== 'submitted') throw conflict('This evaluation is not submitted yet');
    if (!acknowledgeable(evaluation.kind)) throw conflict('A self-evaluation is your own: there is nothing to acknowledge');
    const ack = schema.evaluationAcknowledgements;
    const [existing] = await tx
      .select()
      .from(ack)
      .where(and(eq(ack.evaluationId, evaluation.id), eq(ack.revision, evaluation.revision)))
      .limit(1);
    if (existing) return { evaluationId: evaluation.id, revision: existing.revision, at: existing.at.toISOString(), created: false };
    const now = nowOf(ctx);
    const [row] = await tx
      .insert(ack)
      .values({
        tenantId: ctx.principal.tenantId,
        evaluationId: evaluation.id,
        revision: evaluation.revision,
        agentId: evaluation.agentId,
        at: now
      })
      .returning();
    const after = { revision: evaluation.revision };
    await writeAudit(tx, ctx, { action: 'evaluation.acknowledge', objectType: 'evaluation', objectId: evaluation.id, after }, now);
    return { evaluationId: evaluation.id, revision: row!.revision, at: row!.at.toISOString(), created: true };
  });
}
