import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { plainText } from '@attentive/shared';
import { schema } from '@attentive/db';
import type { Ctx } from '../context.ts';
import { nowOf } from '../context.ts';
import { conflict, forbidden } from '../errors.ts';
import { writeAudit } from '../audit/write-audit.ts';
import { canCoach } from '../policy/coaching.ts';
import { Id, parseInput } from '../evaluations/inputs.ts';
import { loadSelfRequest } from './load-self-request.ts';

export const CancelSelfEvaluationInput = z.object({
  requestId: Id,
  reason: plainText({ max: 500, multiline: true }).optional()
});

/**
 * A coach withdraws an open self-evaluation request (asked by mistake, the call turned out unsuitable):
 * the agent no longer sees it, and the lead's evaluation of the call is no longer hidden from the agent.
 * The agent's draft is kept; asking again reopens the same request (request-self-evaluation.ts).
 */
export async function cancelSelfEvaluationRequest({ ctx, input }: { ctx: Ctx; input: z.input<typeof CancelSelfEvaluationInput> }) {
  const data = parseInput(CancelSelfEvaluationInput, input);
  const p = ctx.principal;
  const now = nowOf(ctx);
  return ctx.db.transaction(async (tx) => {
    const { request, scope } = await loadSelfRequest(tx, p, data.requestId);
    if (!canCoach(p, scope)) throw forbidden('Only a coach of this agent withdraws its self-evaluation requests');
    if (request.status === 'submitted') throw conflict('The agent already submitted this self-evaluation; it can no longer be withdrawn');
    if (request.status === 'cancelled') throw conflict('This request was already withdrawn');
    await tx.update(schema.selfEvaluationRequests).set({ status: 'cancelled' }).where(eq(schema.selfEvaluationRequests.id, request.id));
    await writeAudit(
      tx,
      { principal: p, requestId: ctx.requestId },
      {
        action: 'self_evaluation.cancel',
        objectType: 'self_evaluation_request',
        objectId: request.id,
        before: { status: request.status },
        after: { status: 'cancelled', reason: data.reason ?? null }
      },
      now
    );
    return { id: request.id, status: 'cancelled' as const };
  });
}
