import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { schema } from '@attentive/db';
import { UpdateMysteryPlanInput } from '@attentive/shared/mystery-plans';
import type { Ctx } from '../../context.ts';
import { nowOf } from '../../context.ts';
import { conflict } from '../../errors.ts';
import { Id, parseInput } from '../../input.ts';
import { writeAudit } from '../../audit/write-audit.ts';
import { checkGrid } from './create-plan.ts';
import { checkShoppers, loadPlan, planDto, requireMysteryManager } from './plan-support.ts';

export const UpdatePlanInput = UpdateMysteryPlanInput.extend({ planId: Id });

/** Changes a draft. `version` must be the one the editor read: a plan changed meanwhile answers 409. */
export async function updateMysteryPlan({ ctx, input }: { ctx: Ctx; input: z.input<typeof UpdatePlanInput> }) {
  requireMysteryManager(ctx);
  const data = parseInput(UpdatePlanInput, input);
  const p = ctx.principal;
  const now = nowOf(ctx);
  return ctx.db.transaction(async (tx) => {
    const before = await loadPlan(tx, p.tenantId, data.planId);
    if (before.status !== 'draft') throw conflict('This plan is published: its assignments are made; change them one by one');
    if (before.version !== data.version)
      throw conflict(`This plan was changed by someone else (version ${before.version}, you had ${data.version}): reload it`);
    const spread = data.spread ?? before.spread;
    const grid = data.grid ?? before.grid ?? [];
    checkGrid(spread, grid);
    if (data.shopperIds) await checkShoppers(tx, p.tenantId, data.shopperIds);
    const after = {
      calls: data.calls ?? before.calls,
      spread,
      grid: spread === 'grid' ? grid.filter((c) => c.weight > 0) : null,
      targetAnswerSeconds: data.targetAnswerSeconds ?? before.targetAnswerSeconds,
      shopperIds: data.shopperIds ?? before.shopperIds
    };
    const same = (Object.keys(after) as (keyof typeof after)[]).every((k) => JSON.stringify(after[k]) === JSON.stringify(before[k]));
    if (same) return planDto(tx, before); // saving what is there: nothing to write or audit
    const [row] = await tx
      .update(schema.mysteryPlans)
      .set({ ...after, version: before.version + 1, updatedAt: now })
      .where(and(eq(schema.mysteryPlans.id, before.id), eq(schema.mysteryPlans.version, before.version)))
      .returning();
    const { calls, spread: s, grid: g, targetAnswerSeconds, shopperIds } = before;
    await writeAudit(
      tx,
      ctx,
      {
        action: 'mystery_plan.update',
        objectType: 'mystery_plan',
        objectId: before.id,
        before: { calls, spread: s, grid: g, targetAnswerSeconds, shopperIds },
        after
      },
      now
    );
    return planDto(tx, row!);
  });
}
