import { z } from 'zod';
import type { CallbackPlanDetail } from '@attentive/shared/surveys-lists';
import type { Ctx } from '../../context.ts';
import { Id, parseInput } from '../../input.ts';
import { tenantTimeZone } from '../../settings/tenant-settings.ts';
import { loadSurveyProgram, planDto, planOfProgram, requireSurveyManager, templatesOfProgram } from './plan-support.ts';

export const GetCallbackPlanInput = z.object({ programId: Id });

/** A program's callback plan (null when it has none yet) and the survey templates it may ask. */
export async function getCallbackPlan({
  ctx,
  input
}: {
  ctx: Ctx;
  input: z.input<typeof GetCallbackPlanInput>;
}): Promise<CallbackPlanDetail> {
  requireSurveyManager(ctx);
  const { programId } = parseInput(GetCallbackPlanInput, input);
  const tenantId = ctx.principal.tenantId;
  const program = await loadSurveyProgram(ctx.db, tenantId, programId);
  const plan = await planOfProgram(ctx.db, tenantId, programId);
  const templates = await templatesOfProgram(ctx.db, tenantId, programId);
  return {
    programId,
    programName: program.name,
    timeZone: await tenantTimeZone(ctx),
    plan: plan && planDto(plan),
    templates: templates.map(({ id, name, version, retired }) => ({ id, name, version, retired }))
  };
}
