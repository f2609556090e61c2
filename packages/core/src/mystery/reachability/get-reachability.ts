import { and, asc, count, desc, eq, gte, inArray, lt, sql } from 'drizzle-orm';
import { schema } from '@attentive/db';
import type { Reachability, ReachabilityQuery } from '@attentive/shared/mystery-reachability';
import type { Ctx } from '../../context.ts';
import { reportScope } from './report-scope.ts';
import { reachabilityFigures } from './reachability-figures.ts';
import { importedServiceLevel } from './imported-service-level.ts';

/** Without a plan in the period: the usual "answered within 20 seconds". */
export const DEFAULT_TARGET_SECONDS = 20;

/**
 * Reachability of the mystery calls dialled in the period (local days, tenant zone) to the programs asked
 * for, overall and per weekday × hour, computed at read time from mystery_calls (reachability-figures.ts);
 * beside it the imported calls' own service level over the same programs and days. One target for both
 * (the plans' target), so the two views differ only in what they count.
 */
export async function getReachability({ ctx, input }: { ctx: Ctx; input: ReachabilityQuery }): Promise<Reachability> {
  const scope = await reportScope(ctx, input);
  const { tenantId, programIds, period, timeZone } = scope;
  const targetSeconds = await planTarget(ctx, tenantId, programIds, period.from, period.to);
  const mc = schema.mysteryCalls;
  const c = schema.calls;
  const [calls, buckets] = await Promise.all([
    ctx.db
      .select({ dialledAt: mc.dialledAt, outcome: mc.outcome, answeredAt: mc.answeredAt, menuSteps: mc.menuSteps, transfers: mc.transfers })
      .from(mc)
      .where(
        and(eq(mc.tenantId, tenantId), inArray(mc.programId, programIds), gte(mc.dialledAt, period.start), lt(mc.dialledAt, period.end))
      ),
    // Summed per UTC hour in SQL: the imported calls can be hundreds of thousands, the hours are at most 8,784.
    ctx.db
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
      .groupBy(sql`1`)
  ]);
  const figures = reachabilityFigures(calls, { timeZone, targetSeconds });
  return {
    from: period.from,
    to: period.to,
    timeZone,
    programId: scope.programId,
    programs: scope.programs,
    targetSeconds,
    ...figures,
    imported: importedServiceLevel(
      buckets.map((b) => ({ ...b, hourStart: Number(b.hourStart), sumSeconds: Number(b.sumSeconds), sumSquares: Number(b.sumSquares) })),
      timeZone
    )
  };
}

/** The target answer seconds of the programs' plans for the months the period touches: the most common one. */
async function planTarget(ctx: Ctx, tenantId: number, programIds: number[], from: string, to: string) {
  const pl = schema.mysteryPlans;
  const [row] = await ctx.db
    .select({ target: pl.targetAnswerSeconds, plans: count() })
    .from(pl)
    .where(
      and(
        eq(pl.tenantId, tenantId),
        inArray(pl.programId, programIds),
        gte(pl.month, from.slice(0, 7)),
        sql`${pl.month} <= ${to.slice(0, 7)}`
      )
    )
    .groupBy(pl.targetAnswerSeconds)
    .orderBy(desc(count()), asc(pl.targetAnswerSeconds))
    .limit(1);
  return row?.target ?? DEFAULT_TARGET_SECONDS;
}
