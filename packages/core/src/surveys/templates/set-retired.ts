import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { schema } from '@attentive/db';
import type { Ctx } from '../../context.ts';
import { nowOf } from '../../context.ts';
import { conflict } from '../../errors.ts';
import { Id, parseInput } from '../../input.ts';
import { writeAudit } from '../../audit/write-audit.ts';
import { templateEditor } from './editor.ts';
import { activeTemplateOf, templateDetail } from './load.ts';

export const SurveyTemplateIdInput = z.object({ templateId: Id });

/**
 * Retires (`retire`) or restores a template, audited; when it is so already, nothing changes and nothing is
 * written. Retiring is refused while an active callback plan asks with it (its next list would have no
 * survey); restoring while the program has another template in use (one per program).
 */
export function setRetired(ctx: Ctx, input: unknown, retire: boolean) {
  const edit = templateEditor(ctx);
  const { templateId } = parseInput(SurveyTemplateIdInput, input);
  return edit(templateId, async (tx, row) => {
    const t = row.template;
    if ((t.retiredAt != null) === retire) return templateDetail(tx, row);
    if (retire) {
      const plans = schema.callbackPlans;
      const [plan] = await tx
        .select({ id: plans.id })
        .from(plans)
        .where(and(eq(plans.templateId, t.id), eq(plans.active, true)))
        .limit(1);
      if (plan) throw conflict(`The callback plan of ${row.programName} asks with this template: pause the plan before retiring it`);
    } else {
      const active = await activeTemplateOf(tx, t.tenantId, t.programId, t.id);
      if (active)
        throw conflict(
          `${row.programName} has survey template "${active.name}" (${active.id}) in use: retire it before restoring this one`
        );
    }
    const now = nowOf(ctx);
    const change = retire ? { retiredAt: now, retiredBy: ctx.principal.label } : { retiredAt: null, retiredBy: null };
    const [updated] = await tx.update(schema.surveyTemplates).set(change).where(eq(schema.surveyTemplates.id, t.id)).returning();
    const state = (x: typeof t) => ({ retiredAt: x.retiredAt?.toISOString() ?? null, retiredBy: x.retiredBy });
    await writeAudit(
      tx,
      ctx,
      {
        action: retire ? 'survey_template.retire' : 'survey_template.restore',
        objectType: 'survey_template',
        objectId: t.id,
        before: state(t),
        after: state(updated!)
      },
      now
    );
    return templateDetail(tx, { ...row, template: updated! });
  });
}
