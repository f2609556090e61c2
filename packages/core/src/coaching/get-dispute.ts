import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { schema } from '@attentive/db';
import type { Ctx } from '../context.ts';
import { nowOf } from '../context.ts';
import { canResolveDispute } from '../policy/coaching.ts';
import { Id, parseInput } from '../evaluations/inputs.ts';
import { loadScorecardVersion } from '../evaluations/score.ts';
import { disputeDto } from './dispute-dto.ts';
import { itemsById } from './item-scores.ts';
import { loadDisputeForCoaching } from './load-dispute.ts';

export const GetDisputeInput = z.object({ disputeId: Id });

/** One dispute with its items (wording from the evaluation's scorecard), for the agent or its coaches. */
export async function getDispute({ ctx, input }: { ctx: Ctx; input: z.input<typeof GetDisputeInput> }) {
  const { disputeId } = parseInput(GetDisputeInput, input);
  const p = ctx.principal;
  const { dispute, evaluation, agentScope } = await loadDisputeForCoaching(ctx.db, p, disputeId);
  const [items, version, [agent]] = await Promise.all([
    ctx.db.select().from(schema.disputeItems).where(eq(schema.disputeItems.disputeId, dispute.id)),
    loadScorecardVersion(ctx.db, p.tenantId, evaluation.scorecardVersionId),
    ctx.db.select({ name: schema.people.name }).from(schema.people).where(eq(schema.people.id, dispute.agentId))
  ]);
  const defs = itemsById(version.definition);
  return {
    dispute: disputeDto(dispute, items, defs, nowOf(ctx)),
    agentName: agent?.name ?? '?',
    evaluation: {
      id: evaluation.id,
      revision: evaluation.revision,
      overallScore: evaluation.overallScore,
      answers: evaluation.answers as Record<string, string | number>,
      callId: evaluation.callId
    },
    scorecard: { versionId: version.id, definition: version.definition },
    canResolve: dispute.status === 'open' && canResolveDispute(p, agentScope)
  };
}
