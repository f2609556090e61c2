import { z } from 'zod';
import { schema } from '@attentive/db';
import { AddSurveyTemplateVersionBody } from '@attentive/shared/survey-templates';
import type { Ctx } from '../../context.ts';
import { nowOf } from '../../context.ts';
import { conflict } from '../../errors.ts';
import { Id, parseInput } from '../../input.ts';
import { writeAudit } from '../../audit/write-audit.ts';
import { templateEditor } from './editor.ts';
import { templateDetail, versionsOf } from './load.ts';
import { assertKindsKept } from './kinds-kept.ts';

export const AddSurveyTemplateVersionInput = AddSurveyTemplateVersionBody.extend({ templateId: Id });

/**
 * Changes a template: its next version, with a note of what changed. Versions are never changed (a trigger
 * refuses it): callback lists, items and responses keep the version they were made with. Sending the version
 * you edited guards against two editors: a newer one is a CONFLICT. A retired template is not changed
 * (restore it first). The same content again (a repeated submit) makes no version and no audit row.
 */
export async function addSurveyTemplateVersion({ ctx, input }: { ctx: Ctx; input: z.input<typeof AddSurveyTemplateVersionInput> }) {
  const edit = templateEditor(ctx);
  const { templateId, baseVersion, note, ...content } = parseInput(AddSurveyTemplateVersionInput, input);
  return edit(templateId, async (tx, row) => {
    const t = row.template;
    if (t.retiredAt) throw conflict(`Survey template ${t.id} is retired: restore it before changing it`);
    const versions = await versionsOf(tx, [t.id]);
    const latest = versions[versions.length - 1]!;
    if (latest.version !== baseVersion)
      throw conflict(`The survey template changed meanwhile (now version ${latest.version}; you edited version ${baseVersion}): reload it`);
    const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
    if (latest.name === content.name && same(latest.intro, content.intro) && same(latest.questions, content.questions))
      return templateDetail(tx, row);
    assertKindsKept(versions, content.questions);
    const now = nowOf(ctx);
    const p = ctx.principal;
    const [v] = await tx
      .insert(schema.surveyTemplateVersions)
      .values({ tenantId: t.tenantId, templateId: t.id, version: latest.version + 1, ...content, note, createdAt: now, createdBy: p.label })
      .returning();
    const after = { version: v!.version, versionId: v!.id, note, ...content };
    await writeAudit(tx, ctx, { action: 'survey_template.add_version', objectType: 'survey_template', objectId: t.id, after }, now);
    return templateDetail(tx, row);
  });
}
