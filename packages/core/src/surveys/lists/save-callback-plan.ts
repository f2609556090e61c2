import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { schema } from '@attentive/db';
import { SaveCallbackPlanInput as SaveInput, type CallbackPlan } from '@attentive/shared/surveys-lists';
import type { Ctx } from '../../context.ts';
import { nowOf } from '../../context.ts';
import { conflict, invalid } from '../../errors.ts';
import { Id, parseInput } from '../../input.ts';
import { writeAudit } from '../../audit/write-audit.ts';
import { loadSurveyProgram, planDto, planOfProgram, requireSurveyManager, templatesOfProgram } from './plan-support.ts';

export const SaveCallbackPlanInput = z.intersection(z.object({ programId: Id }), SaveInput);

const FIELDS = [
  'templateId',
  'channel',
  'dailyCount',
  'delayMinHours',
  'delayMaxHours',
  'quietDays',
  'maxAttempts',
  'retryMinutes',
  'linkValidHours',
  'active'
] as const;

/**
 * Creates a program's callback plan (version 0) or changes it (`version` the one the editor read; changed
 * meanwhile: 409). The template must be one of the program's, not retired. Saving what is there writes
 * nothing; any change bumps the version and is audited with before and after. Draws already made keep the
 * rules they were made with (their snapshot).
 */
export async function saveCallbackPlan({ ctx, input }: { ctx: Ctx; input: z.input<typeof SaveCallbackPlanInput> }): Promise<CallbackPlan> {
  requireSurveyManager(ctx);
  const data = parseInput(SaveCallbackPlanInput, input);
  const p = ctx.principal;
  const now = nowOf(ctx);
  return ctx.db.transaction(async (tx) => {
    await loadSurveyProgram(tx, p.tenantId, data.programId);
    const template = (await templatesOfProgram(tx, p.tenantId, data.programId)).find((t) => t.id === data.templateId);
    if (!template || template.retired)
      throw invalid(`Survey template ${data.templateId} is not an active template of this program`, [
        { path: 'templateId', message: template ? 'the template is retired' : 'not a template of this program' }
      ]);
    const after = Object.fromEntries(FIELDS.map((k) => [k, data[k]])) as Pick<typeof data, (typeof FIELDS)[number]>;
    const before = await planOfProgram(tx, p.tenantId, data.programId);
    if (!before) {
      if (data.version !== 0) throw conflict(`This program has no callback plan yet (you had version ${data.version}): reload it`);
      const [row] = await tx
        .insert(schema.callbackPlans)
        .values({
          tenantId: p.tenantId,
          programId: data.programId,
          ...after,
          version: 1,
          createdAt: now,
          updatedAt: now,
          updatedBy: p.label
        })
        .returning();
      await writeAudit(tx, ctx, { action: 'callback_plan.create', objectType: 'callback_plan', objectId: row!.id, after }, now);
      return planDto(row!);
    }
    if (before.version !== data.version)
      throw conflict(`This callback plan was changed by someone else (version ${before.version}, you had ${data.version}): reload it`);
    const was = Object.fromEntries(FIELDS.map((k) => [k, before[k]]));
    if (FIELDS.every((k) => was[k] === after[k])) return planDto(before); // nothing to write or audit
    const [row] = await tx
      .update(schema.callbackPlans)
      .set({ ...after, version: before.version + 1, updatedAt: now, updatedBy: p.label })
      .where(and(eq(schema.callbackPlans.id, before.id), eq(schema.callbackPlans.version, before.version)))
      .returning();
    await writeAudit(
      tx,
      ctx,
      { action: 'callback_plan.update', objectType: 'callback_plan', objectId: before.id, before: was, after },
      now
    );
    return planDto(row!);
  });
}
