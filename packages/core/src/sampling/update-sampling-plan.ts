import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { schema } from '@attentive/db';
import type { Ctx } from '../context.ts';
import { nowOf } from '../context.ts';
import { conflict } from '../errors.ts';
import { writeAudit } from '../audit/write-audit.ts';
import { checkQueues, loadPlan, parseDefinition, parseInput } from './shared.ts';
import { PlanId, PlanName, requirePlanManager, isUniqueViolation, sameDefinition } from './plan-checks.ts';
import { planDto } from './plan-dto.ts';

export const UpdatePlanInput = z.object({
  planId: PlanId,
  name: PlanName.optional(),
  definition: z.unknown().optional(),
  active: z.boolean().optional()
});

/** Edits the draft (name, definition, active). Published versions never change. */
export async function updateSamplingPlan({ ctx, input }: { ctx: Ctx; input: z.input<typeof UpdatePlanInput> }) {
  requirePlanManager(ctx);
  const data = parseInput(UpdatePlanInput, input);
  const def = data.definition === undefined ? undefined : parseDefinition(data.definition);
  const p = ctx.principal;
  try {
    return await ctx.db.transaction(async (tx) => {
      const before = await loadPlan(tx, p.tenantId, data.planId);
      if (def) await checkQueues(tx, p.tenantId, before.programId, def);
      const unchanged =
        (data.name === undefined || data.name === before.name) &&
        (data.active == null || data.active === before.active) &&
        (def === undefined || sameDefinition(def, before.draft));
      if (unchanged) return planDto(before); // saving what is there already: nothing to write or audit
      const now = nowOf(ctx);
      const [row] = await tx
        .update(schema.samplingPlans)
        .set({
          ...(data.name ? { name: data.name } : {}),
          ...(def ? { draft: def } : {}),
          ...(data.active != null ? { active: data.active } : {}),
          updatedAt: now
        })
        .where(eq(schema.samplingPlans.id, before.id))
        .returning();
      const after = { name: row!.name, active: row!.active, definition: row!.draft };
      await writeAudit(
        tx,
        ctx,
        {
          action: 'sampling_plan.update',
          objectType: 'sampling_plan',
          objectId: before.id,
          before: { name: before.name, active: before.active, definition: before.draft },
          after
        },
        now
      );
      return planDto(row!);
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw conflict(`This program already has a sampling plan named "${data.name}"`);
    throw e;
  }
}
