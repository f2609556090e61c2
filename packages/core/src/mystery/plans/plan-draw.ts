import type { DbOrTx } from '@attentive/db';
import type { MysteryPlanProblem } from '@attentive/shared/mystery-plans';
import { type PlannedCall, planMonth } from './plan-month.ts';
import { type PlanRow, planSeed } from './plan-support.ts';
import { programVolume, volumeWindow } from './volume-weights.ts';

export type Draw = { calls: PlannedCall[]; problem: MysteryPlanProblem | null };

/** Each problem in words, for the API's 409 on publishing. */
export const PROBLEM_TEXT: Record<MysteryPlanProblem, string> = {
  no_volume: 'the program has no imported inbound calls in the 8 weeks the plan weighs by: choose a grid instead',
  empty_grid: 'the grid has no weekday × hour with a weight above 0',
  no_scenarios: 'the program has no active scenarios: add one to the scenario library first'
};

/**
 * The calls a plan makes (the preview of a draft, or what publishing creates): weights from the imported
 * volume or the chosen grid, then the pure planner with the plan's own seed. `problem` says why
 * nothing can be planned (then `calls` is empty).
 */
export async function drawPlan(
  tx: DbOrTx,
  plan: PlanRow,
  scenarios: { versionId: number; difficulty: 'easy' | 'medium' | 'hard' }[],
  timeZone: string,
  now: Date
): Promise<Draw> {
  let weights = plan.grid ?? [];
  if (plan.spread === 'volume') {
    const { from, to } = volumeWindow(plan.month, timeZone, now);
    const volume = await programVolume(tx, plan.tenantId, plan.programId, from, to, timeZone);
    if (volume.calls === 0) return { calls: [], problem: 'no_volume' };
    weights = volume.cells;
  } else if (!weights.some((c) => c.weight > 0)) return { calls: [], problem: 'empty_grid' };
  if (scenarios.length === 0) return { calls: [], problem: 'no_scenarios' };
  const calls = planMonth({
    month: plan.month,
    timeZone,
    calls: plan.calls,
    weights,
    scenarios,
    shopperIds: plan.shopperIds,
    seed: planSeed(plan)
  });
  return { calls, problem: null };
}
