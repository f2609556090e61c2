import { asc, eq } from 'drizzle-orm';
import { schema } from '@attentive/db';
import type { Ctx } from '../context.ts';
import { mustRead } from './org-unit-rules.ts';

/** The clients of the tenant, by code (admins and QA analysts). */
export async function listClients({ ctx }: { ctx: Ctx }) {
  mustRead(ctx);
  return ctx.db.select().from(schema.clients).where(eq(schema.clients.tenantId, ctx.principal.tenantId)).orderBy(asc(schema.clients.code));
}
