import type { z } from 'zod';
import type { Ctx } from '../../context.ts';
import { ScenarioIdInput, setRetired } from './set-retired.ts';

/** Takes a retired scenario back into use (the library's undo). Restoring one in use changes nothing. */
export async function restoreScenario({ ctx, input }: { ctx: Ctx; input: z.input<typeof ScenarioIdInput> }) {
  return setRetired(ctx, input, false);
}
