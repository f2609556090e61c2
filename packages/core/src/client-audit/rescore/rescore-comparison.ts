import { inArray } from 'drizzle-orm';
import { z } from 'zod';
import { schema } from '@attentive/db';
import type { RescoreComparison } from '@attentive/shared/client-rescores';
import type { ScorecardDefinition } from '@attentive/shared/scorecard';
import type { Ctx } from '../../context.ts';
import { Id, parseInput } from '../../input.ts';
import { compareRescore, type RescorePair } from './comparison-compute.ts';
import { loadReadableRescore, rescoreItems } from './load-rescore.ts';

export const RescoreComparisonInput = z.object({ rescoreId: Id });

/**
 * How the contact center's evaluators score against the client: over the SCORED items only (an unscored item's
 * contact-center score stays sealed), per scorecard item and overall, contact center − client, with n and a 95%
 * t interval, and in words (comparison-compute.ts). Both evaluations of a pair use the drawn evaluation's version.
 */
export async function rescoreComparison({
  ctx,
  input
}: {
  ctx: Ctx;
  input: z.input<typeof RescoreComparisonInput>;
}): Promise<RescoreComparison> {
  const { rescoreId } = parseInput(RescoreComparisonInput, input);
  const row = await loadReadableRescore(ctx.db, ctx.principal, rescoreId);
  const items = await rescoreItems(ctx.db, rescoreId);
  const scored = items.filter((i) => i.scoredAt != null && i.clientEvaluationId != null);
  const ids = scored.flatMap((i) => [i.evaluationId, i.clientEvaluationId!]);
  const evals = ids.length ? await ctx.db.select().from(schema.evaluations).where(inArray(schema.evaluations.id, ids)) : [];
  const byId = new Map(evals.map((e) => [e.id, e]));
  const versionIds = [...new Set(evals.map((e) => e.scorecardVersionId))];
  const versions = versionIds.length
    ? await ctx.db.select().from(schema.scorecardVersions).where(inArray(schema.scorecardVersions.id, versionIds))
    : [];
  const definitionOf = new Map(versions.map((v) => [v.id, v.definition as ScorecardDefinition]));
  const pairs: RescorePair[] = scored.map((i) => {
    const cc = byId.get(i.evaluationId)!;
    const cl = byId.get(i.clientEvaluationId!)!;
    return {
      itemId: i.id,
      callId: i.callId,
      definition: definitionOf.get(cc.scorecardVersionId)!,
      contactCenter: { answers: (cc.answers ?? {}) as Record<string, unknown>, overall: cc.overallScore },
      client: { answers: (cl.answers ?? {}) as Record<string, unknown>, overall: cl.overallScore }
    };
  });
  return { rescoreId: row.rescore.id, scored: scored.length, drawn: items.length, ...compareRescore(pairs) };
}
