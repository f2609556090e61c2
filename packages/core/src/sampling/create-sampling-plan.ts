import { z } from 'zod';
import { schema } from '@attentive/db';
import type { Ctx } from '../context.ts';
import { nowOf } from '../context.ts';
import { conflict } from '../errors.ts';
import { writeAudit } from '../audit/write-audit.ts';
import { checkQueues, loadProgram, parseDefinition, parseInput } from './shared.ts';
import { PlanId, PlanName, requirePlanManager, isUniqueViolation } from './plan-checks.ts';
import { planDto } from './plan-dto.ts';

export const CreatePlanInput = z.object({ programId: PlanId, name: PlanName, definition: z.unknown() });

/** Creates a plan with a draft definition (validated; queues must belong to the program). */
export async function createSamplingPlan({ ctx, input }: { ctx: Ctx; input: z.input<typeof CreatePlanInput> }) {
  requirePlanManager(ctx);
  const data = parseInput(CreatePlanInput, input);
  const def = parseDefinition(data.definition);
  const p = ctx.principal;
  try {
    return await ctx.db.transaction(async (tx) => {
      await loadProgram(tx, p.tenantId, data.programId);
      await checkQueues(tx, p.tenantId, data.programId, def);
      const now = nowOf(ctx);
      const [row] = await tx
        .insert(schema.samplingPlans)
        .values({ tenantId: p.tenantId, programId: data.programId, name: data.name, draft: def, updatedAt: now })
        .returning();
      const after = { name: data.name, programId: data.programId, definition: def };
      await writeAudit(tx, ctx, { action: 'sampling_plan.create', objectType: 'sampling_plan', objectId: row!.id, after }, now);
      return planDto(row!);
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw conflict(`This program already has a sampling plan named "${data.name}"`);
    throw e;
  }
}
