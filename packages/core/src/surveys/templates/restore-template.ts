import type { z } from 'zod';
import type { Ctx } from '../../context.ts';
import { SurveyTemplateIdInput, setRetired } from './set-retired.ts';

/** Takes a retired survey template back into use (when its program has no other). Restoring one in use changes nothing. */
export async function restoreSurveyTemplate({ ctx, input }: { ctx: Ctx; input: z.input<typeof SurveyTemplateIdInput> }) {
  return setRetired(ctx, input, false);
}
