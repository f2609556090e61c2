import { z } from 'zod';
import type { Ctx } from '../../context.ts';
import { Id, parseInput } from '../../input.ts';
import { loadReadableTemplate, templateDetail } from './load.ts';

export const GetSurveyTemplateInput = z.object({ templateId: Id });

/** One survey template: its identity, its current version and every version (oldest first), with response counts. */
export async function getSurveyTemplate({ ctx, input }: { ctx: Ctx; input: z.input<typeof GetSurveyTemplateInput> }) {
  const data = parseInput(GetSurveyTemplateInput, input);
  return templateDetail(ctx.db, await loadReadableTemplate(ctx.db, ctx.principal, data.templateId));
}
