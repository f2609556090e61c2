import { z } from 'zod';
import { schema } from '@attentive/db';
import { CreateMysteryPlanInput } from '@attentive/shared/mystery-plans';
import type { Ctx } from '../../context.ts';
import { nowOf } from '../../context.ts';
import { conflict, invalid, notFound } from '../../errors.ts';
import { parseInput } from '../../input.ts';
import { writeAudit } from '../../audit/write-audit.ts';
import { checkShoppers, isUniqueViolation, loadProgram, planDto, requireMysteryManager } from './plan-support.ts';

/** A grid plan needs a cell with weight above 0 (a rule across two fields, so checked here, naming `grid`). */
export function checkGrid(spread: 'volume' | 'grid', grid: { weekday: number; hour: number; weight: number }[]) {
  if (spread === 'grid' && !grid.some((c) => c.weight > 0))
    throw invalid('A grid plan needs at least one weekday × hour with a weight above 0', [
      { path: 'grid', message: 'choose at least one weekday × hour' }
    ]);
  const seen = new Set<string>();
  const details = grid.flatMap((c, i) => {
    const key = `${c.weekday}:${c.hour}`;
    return seen.has(key) ? [{ path: `grid.${i}`, message: 'this weekday × hour is listed twice' }] : (seen.add(key), []);
  });
  if (details.length) throw invalid('The grid lists a weekday × hour twice', details);
}

/** A manager drafts the mystery calls of one program and month. One plan per program and month. */
export async function createMysteryPlan({ ctx, input }: { ctx: Ctx; input: z.input<typeof CreateMysteryPlanInput> }) {
  requireMysteryManager(ctx);
  const data = parseInput(CreateMysteryPlanInput, input);
  checkGrid(data.spread, data.grid);
  const p = ctx.principal;
  const now = nowOf(ctx);
  try {
    return await ctx.db.transaction(async (tx) => {
      if (!(await loadProgram(tx, p.tenantId, data.programId))) throw notFound(`Program ${data.programId}`);
      await checkShoppers(tx, p.tenantId, data.shopperIds);
      const [row] = await tx
        .insert(schema.mysteryPlans)
        .values({
          tenantId: p.tenantId,
          programId: data.programId,
          month: data.month,
          calls: data.calls,
          spread: data.spread,
          grid: data.spread === 'grid' ? data.grid.filter((c) => c.weight > 0) : null,
          targetAnswerSeconds: data.targetAnswerSeconds,
          shopperIds: data.shopperIds,
          createdBy: p.label,
          updatedAt: now
        })
        .returning();
      await writeAudit(tx, ctx, { action: 'mystery_plan.create', objectType: 'mystery_plan', objectId: row!.id, after: data }, now);
      return planDto(tx, row!);
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw conflict(`This program already has a mystery-call plan for ${data.month}: open that one`);
    throw e;
  }
}
