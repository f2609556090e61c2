import { asc, eq } from 'drizzle-orm';
import { schema } from '@attentive/db';
import type { Ctx } from '../context.ts';
import { mustRead } from './org-unit-rules.ts';

/** The teams of the tenant, by code (admins and QA analysts). */
export async function listTeams({ ctx }: { ctx: Ctx }) {
  mustRead(ctx);
  return ctx.db.select().from(schema.teams).where(eq(schema.teams.tenantId, ctx.principal.tenantId)).orderBy(asc(schema.teams.code));
}
