import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { plainText } from '@attentive/shared';
import { schema } from '@attentive/db';
import type { Ctx } from '../context.ts';
import { nowOf } from '../context.ts';
import { writeAudit } from '../audit/write-audit.ts';
import { Id, parseInput } from '../evaluations/inputs.ts';
import { loadOpenSelfRequest } from './load-self-request.ts';

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
    const { request } = await loadOpenSelfRequest(tx, p, data.requestId, 'coach');
    await tx.update(schema.selfEvaluationRequests).set({ status: 'cancelled' }).where(eq(schema.selfEvaluationRequests.id, request.id));
    const before = { status: request.status };
    const after = { status: 'cancelled', reason: data.reason ?? null };
    await writeAudit(
      tx,
      ctx,
      { action: 'self_evaluation.cancel', objectType: 'self_evaluation_request', objectId: request.id, before, after },
      now
    );
    return { id: request.id, status: 'cancelled' as const };
  });
}
