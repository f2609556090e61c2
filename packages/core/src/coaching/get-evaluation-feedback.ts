import { asc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { schema } from '@attentive/db';
import type { Ctx } from '../context.ts';
import { nowOf } from '../context.ts';
import { canResolveDispute, isAgentSelf } from '../policy/coaching.ts';
import { getEvaluation } from '../evaluations/get-evaluation.ts';
import { Id, parseInput } from '../evaluations/inputs.ts';
import { disputeDto } from './dispute-dto.ts';
import { disputeWindowStart, disputeWindow } from './dispute-window.ts';
import { itemsById } from './item-scores.ts';
import { loadEvaluationForCoaching } from './scope.ts';
import { acknowledgeable } from '../evaluations/kinds.ts';
import { canDisputeEvaluation } from '../policy/evaluations.ts';

export const GetEvaluationFeedbackInput = z.object({ evaluationId: Id });

/**
 * An evaluation as its agent reads it (and as its coaches see the agent's side): the evaluation screen's
 * data plus acknowledgements, disputes with outcomes, and the dispute window. Hidden from the agent while
 * its self-evaluation of the same call is open.
 */
export async function getEvaluationFeedback({ ctx, input }: { ctx: Ctx; input: z.input<typeof GetEvaluationFeedbackInput> }) {
  const { evaluationId } = parseInput(GetEvaluationFeedbackInput, input);
  const p = ctx.principal;
  const now = nowOf(ctx);
  const { evaluation, scope, agentScope } = await loadEvaluationForCoaching(ctx.db, p, evaluationId);
  const detail = await getEvaluation({ ctx, input: { evaluationId } });
  const [program] = await ctx.db
    .select({ days: schema.programs.disputeWindowDays })
    .from(schema.programs)
    .where(eq(schema.programs.id, evaluation.programId));
  const [acks, disputes, disputeItems] = await Promise.all([
    ctx.db
      .select()
      .from(schema.evaluationAcknowledgements)
      .where(eq(schema.evaluationAcknowledgements.evaluationId, evaluation.id))
      .orderBy(asc(schema.evaluationAcknowledgements.revision)),
    ctx.db.select().from(schema.disputes).where(eq(schema.disputes.evaluationId, evaluation.id)).orderBy(asc(schema.disputes.id)),
    ctx.db.select().from(schema.disputeItems).where(eq(schema.disputeItems.evaluationId, evaluation.id))
  ]);
  const defs = itemsById(detail.scorecard.definition);
  const window = disputeWindow(await disputeWindowStart(ctx.db, evaluation), program?.days ?? 7, now);
  const self = isAgentSelf(p, agentScope);
  const acknowledged = acks.find((a) => a.revision === evaluation.revision) ?? null;
  return {
    ...detail,
    canChange: self ? false : detail.canChange,
    acknowledgements: acks.map((a) => ({ revision: a.revision, at: a.at.toISOString() })),
    acknowledgedCurrent: acknowledged ? acknowledged.at.toISOString() : null,
    disputes: disputes.map((d) =>
      disputeDto(
        d,
        disputeItems.filter((i) => i.disputeId === d.id),
        defs,
        now
      )
    ),
    disputedItemIds: disputeItems.map((i) => i.itemId),
    disputeWindow: window,
    canAcknowledge: self && evaluation.status === 'submitted' && acknowledgeable(evaluation.kind) && !acknowledged,
    canDispute: canDisputeEvaluation(p, scope, evaluation) && window.open,
    canResolve: canResolveDispute(p, agentScope),
    viewerIsAgent: self
  };
}
