import { z } from 'zod';
import type { Ctx } from '../../context.ts';
import { Id, parseInput } from '../../input.ts';
import { loadReadableScenario, scenarioDetail } from './load.ts';

export const GetScenarioInput = z.object({ scenarioId: Id });

/** One scenario: its identity, its current version and every version, oldest first. */
export async function getScenario({ ctx, input }: { ctx: Ctx; input: z.input<typeof GetScenarioInput> }) {
  const data = parseInput(GetScenarioInput, input);
  return scenarioDetail(ctx.db, await loadReadableScenario(ctx.db, ctx.principal, data.scenarioId));
}
