import type { DbOrTx } from '@attentive/db';
import { type PlannedCall, planMonth } from './plan-month.ts';
import { type PlanRow, planSeed } from './plan-support.ts';
import { programVolume, volumeWindow } from './volume-weights.ts';

export type Draw = { calls: PlannedCall[]; problem: string | null };

/**
 * The calls a plan makes (the preview of a draft, or what publishing creates): weights from the imported
 * volume or the chosen grid, then the pure planner with the plan's own seed. `problem` says in words why
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
    if (volume.calls === 0)
      return {
        calls: [],
        problem: `The program has no imported inbound calls in the 8 weeks before ${to.toISOString().slice(0, 10)} to weigh by: choose a grid instead`
      };
    weights = volume.cells;
  } else if (!weights.some((c) => c.weight > 0)) return { calls: [], problem: 'The grid has no weekday × hour with a weight above 0' };
  if (scenarios.length === 0) return { calls: [], problem: 'The program has no active scenarios: add one to the scenario library first' };
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
