import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { schema } from '@attentive/db';
import type { Ctx } from '../context.ts';
import { nowOf } from '../context.ts';
import { writeAudit } from '../audit/write-audit.ts';
import { checkQueues, loadPlan, parseDefinition, parseInput } from './shared.ts';
import { PlanId, requirePlanManager, sameDefinition } from './plan-checks.ts';

/**
 * Freezes the draft as the next version; the scheduler and new runs use the latest version.
 * Publishing a draft equal to the latest version returns that version (`created: false`): a repeated
 * click or retried request makes no new version and no audit row.
 */
export async function publishSamplingPlan({ ctx, input }: { ctx: Ctx; input: { planId: number } }) {
  requirePlanManager(ctx);
  const data = parseInput(z.object({ planId: PlanId }), input);
  const p = ctx.principal;
  return ctx.db.transaction(async (tx) => {
    const plan = await loadPlan(tx, p.tenantId, data.planId);
    const def = parseDefinition(plan.draft);
    if (plan.publishedVersion != null) {
      const [latest] = await tx
        .select()
        .from(schema.samplingPlanVersions)
        .where(and(eq(schema.samplingPlanVersions.planId, plan.id), eq(schema.samplingPlanVersions.version, plan.publishedVersion)))
        .limit(1);
      if (latest && sameDefinition(latest.definition, def)) return { ...latest, created: false };
    }
    await checkQueues(tx, p.tenantId, plan.programId, def);
    const version = (plan.publishedVersion ?? 0) + 1;
    const now = nowOf(ctx);
    const [row] = await tx
      .insert(schema.samplingPlanVersions)
      .values({ tenantId: p.tenantId, planId: plan.id, version, definition: def, publishedAt: now, publishedBy: p.label })
      .returning();
    await tx.update(schema.samplingPlans).set({ publishedVersion: version, updatedAt: now }).where(eq(schema.samplingPlans.id, plan.id));
    const after = { version, definition: def };
    await writeAudit(tx, ctx, { action: 'sampling_plan.publish', objectType: 'sampling_plan', objectId: plan.id, after }, now);
    return { ...row!, created: true };
  });
}
