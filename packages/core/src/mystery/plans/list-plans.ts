import { and, desc, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { schema } from '@attentive/db';
import type { Ctx } from '../../context.ts';
import { Id, parseInput } from '../../input.ts';
import { requireMysteryManager } from './plan-support.ts';

export const ListPlansInput = z.object({ programId: Id.optional() });

const countOf = (status: string) =>
  sql<number>`(select count(*) from mystery_assignments a where a.plan_id = ${schema.mysteryPlans.id} and a.status = ${status})`;

/** The tenant's mystery-call plans, newest month first (managers). */
export async function listMysteryPlans({ ctx, input = {} }: { ctx: Ctx; input?: z.input<typeof ListPlansInput> }) {
  requireMysteryManager(ctx);
  const data = parseInput(ListPlansInput, input);
  const pl = schema.mysteryPlans;
  const rows = await ctx.db
    .select({
      id: pl.id,
      programId: pl.programId,
      programName: schema.programs.name,
      month: pl.month,
      calls: pl.calls,
      spread: pl.spread,
      status: pl.status,
      shopperIds: pl.shopperIds,
      planned: countOf('planned'),
      completed: countOf('completed'),
      cancelled: countOf('cancelled')
    })
    .from(pl)
    .innerJoin(schema.programs, eq(schema.programs.id, pl.programId))
    .where(and(eq(pl.tenantId, ctx.principal.tenantId), ...(data.programId ? [eq(pl.programId, data.programId)] : [])))
    .orderBy(desc(pl.month), schema.programs.name);
  return rows.map(({ shopperIds, ...r }) => ({
    ...r,
    shoppers: shopperIds.length,
    planned: Number(r.planned),
    completed: Number(r.completed),
    cancelled: Number(r.cancelled)
  }));
}
