import { and, desc, eq } from 'drizzle-orm';
import { schema, type DbOrTx } from '@attentive/db';
import type { CallbackPlan } from '@attentive/shared/surveys-lists';
import type { Ctx } from '../../context.ts';
import { forbidden, notFound } from '../../errors.ts';
import { canManageSurveys } from '../../policy/surveys.ts';

/** What the callback-list verbs share: who may, loading a program and its plan, the plan as the API shows it. */

export const requireSurveyManager = (ctx: Ctx) => {
  if (!canManageSurveys(ctx.principal)) throw forbidden('Only admins and QA analysts keep callback plans and draw callback lists');
};

export type PlanRow = typeof schema.callbackPlans.$inferSelect;

/** A program of the tenant (another tenant's: NOT_FOUND, like a missing one). */
export async function loadSurveyProgram(tx: DbOrTx, tenantId: number, programId: number) {
  const [row] = await tx
    .select({ id: schema.programs.id, name: schema.programs.name })
    .from(schema.programs)
    .where(and(eq(schema.programs.id, programId), eq(schema.programs.tenantId, tenantId)))
    .limit(1);
  if (!row) throw notFound(`Program ${programId}`);
  return row;
}

/** The program's callback plan, or null. */
export async function planOfProgram(tx: DbOrTx, tenantId: number, programId: number): Promise<PlanRow | null> {
  const [row] = await tx
    .select()
    .from(schema.callbackPlans)
    .where(and(eq(schema.callbackPlans.tenantId, tenantId), eq(schema.callbackPlans.programId, programId)))
    .limit(1);
  return row ?? null;
}

export const planDto = (r: PlanRow): CallbackPlan => ({
  id: r.id,
  programId: r.programId,
  templateId: r.templateId,
  channel: r.channel,
  dailyCount: r.dailyCount,
  delayMinHours: r.delayMinHours,
  delayMaxHours: r.delayMaxHours,
  quietDays: r.quietDays,
  maxAttempts: r.maxAttempts,
  retryMinutes: r.retryMinutes,
  linkValidHours: r.linkValidHours,
  active: r.active,
  version: r.version,
  updatedAt: r.updatedAt.toISOString(),
  updatedBy: r.updatedBy
});

/** The program's survey templates, each named after its newest version (a draw asks that version). */
export async function templatesOfProgram(tx: DbOrTx, tenantId: number, programId: number) {
  const t = schema.surveyTemplates;
  const v = schema.surveyTemplateVersions;
  const rows = await tx
    .select({ id: t.id, retiredAt: t.retiredAt, versionId: v.id, version: v.version, name: v.name })
    .from(t)
    .innerJoin(v, eq(v.templateId, t.id))
    .where(and(eq(t.tenantId, tenantId), eq(t.programId, programId)))
    .orderBy(t.id, desc(v.version));
  const out = new Map<number, { id: number; name: string; version: number; versionId: number; retired: boolean }>();
  for (const r of rows)
    if (!out.has(r.id)) out.set(r.id, { id: r.id, name: r.name, version: r.version, versionId: r.versionId, retired: r.retiredAt != null });
  return [...out.values()];
}
