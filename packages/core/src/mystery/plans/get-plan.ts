import { and, asc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { schema } from '@attentive/db';
import type { MysteryPlanDetail } from '@attentive/shared/mystery-plans';
import type { Ctx } from '../../context.ts';
import { nowOf } from '../../context.ts';
import { Id, parseInput } from '../../input.ts';
import { localTime } from '../../sampling/period.ts';
import { tenantTimeZone } from '../../settings/tenant-settings.ts';
import { drawPlan } from './plan-draw.ts';
import { activeScenarioVersions, loadPlan, planDto, requireMysteryManager } from './plan-support.ts';

export const GetPlanInput = z.object({ planId: Id });

/** Counts per weekday × hour, in weekday and hour order. */
function cellsOf(calls: { weekday: number; hour: number }[]) {
  const counts = new Map<number, number>();
  for (const c of calls) counts.set(c.weekday * 24 + c.hour, (counts.get(c.weekday * 24 + c.hour) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => a[0] - b[0]).map(([k, n]) => ({ weekday: Math.floor(k / 24), hour: k % 24, calls: n }));
}

/**
 * A plan with its distribution over weekday × hour — for a draft what publishing would make now (the same
 * seed, so the same calls), for a published plan its assignments (cancelled ones left out) — and its
 * assignments with scenario, shopper and window.
 */
export async function getMysteryPlan({ ctx, input }: { ctx: Ctx; input: z.input<typeof GetPlanInput> }): Promise<MysteryPlanDetail> {
  requireMysteryManager(ctx);
  const { planId } = parseInput(GetPlanInput, input);
  const tenantId = ctx.principal.tenantId;
  const timeZone = await tenantTimeZone(ctx);
  const row = await loadPlan(ctx.db, tenantId, planId);
  const scenarios = await activeScenarioVersions(ctx.db, tenantId, row.programId);
  const local = localTime(timeZone);
  const a = schema.mysteryAssignments;
  const assignments = (
    await ctx.db
      .select({
        id: a.id,
        scenarioVersionId: a.scenarioVersionId,
        scenarioTitle: schema.mysteryScenarioVersions.title,
        shopperId: a.shopperId,
        shopperName: schema.people.name,
        windowStart: a.windowStart,
        windowEnd: a.windowEnd,
        status: a.status
      })
      .from(a)
      .innerJoin(schema.mysteryScenarioVersions, eq(schema.mysteryScenarioVersions.id, a.scenarioVersionId))
      .innerJoin(schema.people, eq(schema.people.id, a.shopperId))
      .where(and(eq(a.tenantId, tenantId), eq(a.planId, row.id)))
      .orderBy(asc(a.windowStart), asc(a.id))
  ).map((x) => {
    const at = local(x.windowStart.getTime());
    return { ...x, windowStart: x.windowStart.toISOString(), windowEnd: x.windowEnd.toISOString(), weekday: at.isoDow, hour: at.hour };
  });
  let distribution: MysteryPlanDetail['distribution'];
  if (row.status === 'published')
    distribution = { kind: 'assignments', cells: cellsOf(assignments.filter((x) => x.status !== 'cancelled')), problem: null };
  else {
    // Without scenarios yet, the spread over the month is still shown (publishing will say what is missing).
    const stand = scenarios.length ? scenarios : [{ versionId: 0, difficulty: 'medium' as const }];
    const draw = await drawPlan(ctx.db, row, stand, timeZone, nowOf(ctx));
    distribution = { kind: 'preview', cells: cellsOf(draw.calls), problem: draw.problem };
  }
  return { plan: await planDto(ctx.db, row), timeZone, distribution, assignments, activeScenarios: scenarios.length };
}
