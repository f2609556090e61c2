import { and, asc, count, desc, eq, gte, inArray, sql } from 'drizzle-orm';
import { schema } from '@attentive/db';
import type { Ctx } from '../../context.ts';

/** Without a plan in the period: the usual "answered within 20 seconds". */
export const DEFAULT_TARGET_SECONDS = 20;

/** The target answer seconds of the programs' plans for the months the period touches: the most common one. */
export async function planTarget(ctx: Ctx, tenantId: number, programIds: number[], from: string, to: string) {
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
