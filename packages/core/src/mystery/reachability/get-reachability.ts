import { and, eq, gte, inArray, lt } from 'drizzle-orm';
import { schema } from '@attentive/db';
import type { Reachability, ReachabilityQuery } from '@attentive/shared/mystery-reachability';
import type { Ctx } from '../../context.ts';
import { reportScope, scopeFields } from './report-scope.ts';
import { reachabilityFigures } from './reachability-figures.ts';
import { planTarget } from './plan-target.ts';

/**
 * Reachability of the mystery calls dialled in the period (local days, tenant zone) to the programs asked
 * for, overall and per weekday × hour, computed at read time from mystery_calls (reachability-figures.ts).
 * The imported calls' own service level beside it is a read of its own (get-imported-service-level.ts): it
 * scans every imported call of the period, hundreds of thousands in a year, and the heatmap need not wait.
 */
export async function getReachability({ ctx, input }: { ctx: Ctx; input: ReachabilityQuery }): Promise<Reachability> {
  const scope = await reportScope(ctx, input);
  const { tenantId, programIds, period, timeZone } = scope;
  const mc = schema.mysteryCalls;
  const [targetSeconds, calls] = await Promise.all([
    planTarget(ctx, tenantId, programIds, period.from, period.to),
    ctx.db
      .select({ dialledAt: mc.dialledAt, outcome: mc.outcome, answeredAt: mc.answeredAt, menuSteps: mc.menuSteps, transfers: mc.transfers })
      .from(mc)
      .where(
        and(eq(mc.tenantId, tenantId), inArray(mc.programId, programIds), gte(mc.dialledAt, period.start), lt(mc.dialledAt, period.end))
      )
  ]);
  return {
    ...scopeFields(scope),
    targetSeconds,
    ...reachabilityFigures(calls, { timeZone, targetSeconds })
  };
}
