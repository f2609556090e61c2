import { and, desc, eq, isNull, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { schema } from '@attentive/db';
import type { Ctx } from '../../context.ts';
import { forbidden } from '../../errors.ts';
import { Id, parseInput } from '../../input.ts';
import { canReadSurveyTemplates } from '../../policy/surveys.ts';
import { findInTenant } from '../../access/scoped.ts';
import { templateDtos } from './load.ts';

export const ListSurveyTemplatesInput = z.object({
  /** One program's templates; absent: every program's. */
  programId: Id.optional(),
  /** Retired templates too (they stay readable: responses keep their version); default: only those in use. */
  includeRetired: z.boolean().default(false)
});

/** Survey templates by program name, newest first, each with its current version, version count and response count. */
export async function listSurveyTemplates({ ctx, input }: { ctx: Ctx; input: z.input<typeof ListSurveyTemplatesInput> }) {
  const p = ctx.principal;
  if (!canReadSurveyTemplates(p)) throw forbidden('Only admins and QA analysts read survey templates');
  const data = parseInput(ListSurveyTemplatesInput, input);
  const t = schema.surveyTemplates;
  const conds: SQL[] = [eq(t.tenantId, p.tenantId)];
  if (data.programId != null) {
    await findInTenant(ctx.db, schema.programs, p.tenantId, data.programId, 'Program');
    conds.push(eq(t.programId, data.programId));
  }
  if (!data.includeRetired) conds.push(isNull(t.retiredAt));
  const rows = await ctx.db
    .select({ template: t, programName: schema.programs.name, clientId: schema.programs.clientId })
    .from(t)
    .innerJoin(schema.programs, eq(schema.programs.id, t.programId))
    .where(and(...conds))
    .orderBy(schema.programs.name, desc(t.createdAt), desc(t.id));
  return { items: await templateDtos(ctx.db, rows) };
}
