import { desc, eq } from 'drizzle-orm';
import { schema } from '@attentive/db';
import type { Ctx } from '../context.ts';
import { forbidden } from '../errors.ts';
import { canAdminister } from '../policy/admin.ts';
import { apiTokenView, type ApiTokenView } from './api-token-view.ts';

/** The tenant's API tokens, newest first, revoked ones included. */
export async function listApiTokens({ ctx }: { ctx: Ctx }): Promise<ApiTokenView[]> {
  if (!canAdminister(ctx.principal)) throw forbidden('Only an admin may see API tokens');
  const rows = await ctx.db
    .select()
    .from(schema.apiTokens)
    .where(eq(schema.apiTokens.tenantId, ctx.principal.tenantId))
    .orderBy(desc(schema.apiTokens.id));
  return rows.map(apiTokenView);
}
