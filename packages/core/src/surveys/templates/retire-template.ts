import type { z } from 'zod';
import type { Ctx } from '../../context.ts';
import { SurveyTemplateIdInput, setRetired } from './set-retired.ts';

/**
 * Retires a survey template: no new callback list asks with it; it, its versions and the responses given to
 * them stay readable. Retiring a retired template changes nothing.
 */
export async function retireSurveyTemplate({ ctx, input }: { ctx: Ctx; input: z.input<typeof SurveyTemplateIdInput> }) {
  return setRetired(ctx, input, true);
}
