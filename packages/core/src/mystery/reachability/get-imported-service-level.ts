import { and, count, eq, gte, inArray, lt, sql } from 'drizzle-orm';
import { schema } from '@attentive/db';
import type { ImportedReachability, ReachabilityQuery } from '@attentive/shared/mystery-reachability';
import type { Ctx } from '../../context.ts';
import { reportScope, scopeFields } from './report-scope.ts';
import { importedServiceLevel } from './imported-service-level.ts';
import { planTarget } from './plan-target.ts';

/**
 * The imported calls' own service level beside the mystery calls': inbound calls of the same programs and
 * local days, answered within the same target (the plans'). Summed per UTC hour in SQL — the calls can be
 * hundreds of thousands, the hours at most 8,784 — and folded into local weekday × hour cells here.
 */
export async function getImportedServiceLevel({ ctx, input }: { ctx: Ctx; input: ReachabilityQuery }): Promise<ImportedReachability> {
  const scope = await reportScope(ctx, input);
  const { tenantId, programIds, period, timeZone } = scope;
  const targetSeconds = await planTarget(ctx, tenantId, programIds, period.from, period.to);
  const c = schema.calls;
  const buckets = await ctx.db
    .select({
      hourStart: sql<number>`(${c.startedAt} / 3600000) * 3600000`,
      count: count(),
      within: sql<number>`sum(${c.answerSeconds} <= ${targetSeconds})`,
      sumSeconds: sql<number>`sum(${c.answerSeconds})`,
      sumSquares: sql<number>`sum(${c.answerSeconds} * ${c.answerSeconds})`
    })
    .from(c)
    .where(
      and(
        eq(c.tenantId, tenantId),
        inArray(c.programId, programIds),
        eq(c.direction, 'inbound'),
        gte(c.startedAt, period.start),
        lt(c.startedAt, period.end)
      )
    )
    .groupBy(sql`1`);
  return {
    ...scopeFields(scope),
    targetSeconds,
    ...importedServiceLevel(
      buckets.map((b) => ({
        hourStart: Number(b.hourStart),
        count: b.count,
        within: Number(b.within),
        sumSeconds: Number(b.sumSeconds),
        sumSquares: Number(b.sumSquares)
      })),
      timeZone
    )
  };
}
