import type { z } from 'zod';
import type { Ctx } from '../../context.ts';
import { ScenarioIdInput, setRetired } from './set-retired.ts';

/**
 * Retires a scenario: no new assignments use it (plans pick scenarios with no `retiredAt`); it, its versions
 * and the results made with it stay readable. Retiring a retired scenario changes nothing.
 */
export async function retireScenario({ ctx, input }: { ctx: Ctx; input: z.input<typeof ScenarioIdInput> }) {
  return setRetired(ctx, input, true);
}
