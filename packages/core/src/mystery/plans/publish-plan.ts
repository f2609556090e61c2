import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { schema } from '@attentive/db';
import { PublishMysteryPlanInput } from '@attentive/shared/mystery-plans';
import type { Ctx } from '../../context.ts';
import { nowOf } from '../../context.ts';
import { conflict } from '../../errors.ts';
import { Id, parseInput } from '../../input.ts';
import { writeAudit } from '../../audit/write-audit.ts';
import { tenantTimeZone } from '../../settings/tenant-settings.ts';
import { PROBLEM_TEXT, drawPlan } from './plan-draw.ts';
import { activeScenarioVersions, checkShoppers, loadPlan, planDto, requireMysteryManager } from './plan-support.ts';

export const PublishPlanInput = PublishMysteryPlanInput.extend({ planId: Id });

/**
 * Publishes a draft: the planner makes the month's calls with the program's active scenarios (current
 * versions) and the plan's shoppers, and each becomes a planned assignment — all in one transaction.
 * A plan is published once; after that its assignments are reassigned or cancelled one by one.
 */
export async function publishMysteryPlan({ ctx, input }: { ctx: Ctx; input: z.input<typeof PublishPlanInput> }) {
  requireMysteryManager(ctx);
  const data = parseInput(PublishPlanInput, input);
  const p = ctx.principal;
  const now = nowOf(ctx);
  const timeZone = await tenantTimeZone(ctx);
  return ctx.db.transaction(async (tx) => {
    const plan = await loadPlan(tx, p.tenantId, data.planId);
    if (plan.status !== 'draft') throw conflict(`The plan for ${plan.month} is published already`);
    if (data.version !== undefined && data.version !== plan.version)
      throw conflict(`This plan was changed by someone else (version ${plan.version}, you had ${data.version}): reload it`);
    // A shopper may have lost the role since the draft was saved.
    await checkShoppers(tx, p.tenantId, plan.shopperIds);
    const scenarios = await activeScenarioVersions(tx, p.tenantId, plan.programId);
    const draw = await drawPlan(tx, plan, scenarios, timeZone, now);
    if (draw.problem) throw conflict(`Cannot publish: ${PROBLEM_TEXT[draw.problem]}`);
    const rows = draw.calls.map((c) => ({
      tenantId: p.tenantId,
      planId: plan.id,
      programId: plan.programId,
      scenarioVersionId: c.scenarioVersionId,
      shopperId: c.shopperId,
      windowStart: c.windowStart,
      windowEnd: c.windowEnd,
      updatedAt: now
    }));
    for (let i = 0; i < rows.length; i += 100) await tx.insert(schema.mysteryAssignments).values(rows.slice(i, i + 100));
    const [row] = await tx
      .update(schema.mysteryPlans)
      .set({ status: 'published', version: plan.version + 1, publishedAt: now, publishedBy: p.label, updatedAt: now })
      .where(and(eq(schema.mysteryPlans.id, plan.id), eq(schema.mysteryPlans.version, plan.version)))
      .returning();
    await writeAudit(
      tx,
      ctx,
      {
        action: 'mystery_plan.publish',
        objectType: 'mystery_plan',
        objectId: plan.id,
        after: { month: plan.month, assignments: rows.length, scenarioVersionIds: scenarios.map((s) => s.versionId) }
      },
      now
    );
    return { plan: await planDto(tx, row!), assignments: rows.length };
  });
}
