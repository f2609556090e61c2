import type { Tx } from '@attentive/db';
import type { Ctx } from '../../context.ts';
import { forbidden } from '../../errors.ts';
import { canManageSurveys } from '../../policy/surveys.ts';
import { loadReadableTemplate } from './load.ts';

/** Refuses anyone who may not keep survey templates, before anything else is looked at. */
export function assertManagesTemplates(ctx: Ctx) {
  if (!canManageSurveys(ctx.principal)) throw forbidden('Only admins and QA analysts keep survey templates');
}

/**
 * The way into a verb that changes a template: checks the principal keeps templates (at once), then runs
 * `work` in one transaction on the template, which must be readable (else NOT_FOUND).
 */
export function templateEditor(ctx: Ctx) {
  assertManagesTemplates(ctx);
  return <T>(templateId: number, work: (tx: Tx, row: Awaited<ReturnType<typeof loadReadableTemplate>>) => Promise<T>) =>
    ctx.db.transaction(async (tx) => work(tx, await loadReadableTemplate(tx, ctx.principal, templateId)));
}
