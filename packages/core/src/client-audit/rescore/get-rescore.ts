import { eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import { schema, type DbOrTx } from '@attentive/db';
import type { RescoreDetail } from '@attentive/shared/client-rescores';
import type { Ctx } from '../../context.ts';
import { Id, parseInput } from '../../input.ts';
import { canRescoreFor } from '../../policy/client-audit.ts';
import { loadReadableRescore, rescoreItems, summaryOf } from './load-rescore.ts';

export const GetRescoreInput = z.object({ rescoreId: Id });

/**
 * One re-score: the draw (seed, population hash), progress, and the drawn items in rank order with their state
 * and who scores them — never a score: the comparison (rescore-comparison.ts) shows the scored ones.
 */
export async function getRescore({ ctx, input }: { ctx: Ctx; input: z.input<typeof GetRescoreInput> }): Promise<RescoreDetail> {
  const { rescoreId } = parseInput(GetRescoreInput, input);
  const p = ctx.principal;
  const row = await loadReadableRescore(ctx.db, p, rescoreId);
  const items = await rescoreItems(ctx.db, rescoreId);
  const callIds = items.map((i) => i.callId);
  const evalIds = items.flatMap((i) => (i.clientEvaluationId != null ? [i.clientEvaluationId] : []));
  const [calls, evals] = await Promise.all([
    callIds.length
      ? ctx.db
          .select({ id: schema.calls.id, startedAt: schema.calls.startedAt })
          .from(schema.calls)
          .where(inArray(schema.calls.id, callIds))
      : [],
    evalIds.length
      ? ctx.db
          .select({ id: schema.evaluations.id, label: schema.evaluations.evaluatorLabel })
          .from(schema.evaluations)
          .where(inArray(schema.evaluations.id, evalIds))
      : []
  ]);
  const startedAt = new Map(calls.map((c) => [c.id, c.startedAt]));
  const scorer = new Map(evals.map((e) => [e.id, e.label]));
  return {
    ...summaryOf(row, { drawn: items.length, scored: items.filter((i) => i.scoredAt != null).length }),
    seed: row.rescore.seed,
    populationHash: row.rescore.populationHash,
    canScore: canRescoreFor(p, { tenantId: row.rescore.tenantId, clientId: row.rescore.clientId }),
    items: items.map((i, at) => ({
      id: i.id,
      position: at + 1,
      callId: i.callId,
      callStartedAt: startedAt.get(i.callId)?.toISOString() ?? '',
      rank: i.rank,
      state: i.scoredAt != null ? ('scored' as const) : i.clientEvaluationId != null ? ('draft' as const) : ('open' as const),
      scorer: i.clientEvaluationId != null ? (scorer.get(i.clientEvaluationId) ?? null) : null
    }))
  };
}

/** One item of a re-score (404 when it is not one of its items). */
export async function loadRescoreItem(db: DbOrTx, rescoreId: number, itemId: number) {
  const [item] = await db.select().from(schema.clientRescoreItems).where(eq(schema.clientRescoreItems.id, itemId));
  return item && item.rescoreId === rescoreId ? item : null;
}
