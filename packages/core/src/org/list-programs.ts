import { asc, eq } from 'drizzle-orm';
import { schema } from '@attentive/db';
import type { Ctx } from '../context.ts';
import { mustRead } from './org-unit-rules.ts';

/** The programs of the tenant, by code (admins and QA analysts). */
export async function listPrograms({ ctx }: { ctx: Ctx }) {
  mustRead(ctx);
  return ctx.db
    .select()
    .from(schema.programs)
    .where(eq(schema.programs.tenantId, ctx.principal.tenantId))
    .orderBy(asc(schema.programs.code));
}
