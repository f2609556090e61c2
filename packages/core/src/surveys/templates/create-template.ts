import { schema } from '@attentive/db';
import { CreateSurveyTemplateInput } from '@attentive/shared/survey-templates';
import type { z } from 'zod';
import type { Ctx } from '../../context.ts';
import { nowOf } from '../../context.ts';
import { conflict } from '../../errors.ts';
import { parseInput } from '../../input.ts';
import { findInTenant } from '../../access/scoped.ts';
import { writeAudit } from '../../audit/write-audit.ts';
import { assertManagesTemplates } from './editor.ts';
import { activeTemplateOf, templateDetail } from './load.ts';

export { CreateSurveyTemplateInput };

/**
 * Gives a program its survey template, as version 1 (the form starts from the standard questions). A program
 * has one template in use: a second is a CONFLICT naming the first (change that one: a new version).
 */
export async function createSurveyTemplate({ ctx, input }: { ctx: Ctx; input: z.input<typeof CreateSurveyTemplateInput> }) {
  assertManagesTemplates(ctx);
  const { programId, ...content } = parseInput(CreateSurveyTemplateInput, input);
  const p = ctx.principal;
  const now = nowOf(ctx);
  return ctx.db.transaction(async (tx) => {
    const program = await findInTenant(tx, schema.programs, p.tenantId, programId, 'Program');
    const active = await activeTemplateOf(tx, p.tenantId, programId);
    if (active)
      throw conflict(
        `Program ${program.name} already has survey template "${active.name}" (${active.id}) in use: add a version to it, or retire it first`
      );
    const [template] = await tx
      .insert(schema.surveyTemplates)
      .values({ tenantId: p.tenantId, programId, createdAt: now, createdBy: p.label })
      .returning();
    const [v] = await tx
      .insert(schema.surveyTemplateVersions)
      .values({ tenantId: p.tenantId, templateId: template!.id, version: 1, ...content, note: '', createdAt: now, createdBy: p.label })
      .returning();
    const after = { programId, versionId: v!.id, ...content };
    await writeAudit(tx, ctx, { action: 'survey_template.create', objectType: 'survey_template', objectId: template!.id, after }, now);
    return templateDetail(tx, { template: template!, programName: program.name, clientId: program.clientId });
  });
}
