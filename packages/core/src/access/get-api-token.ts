import { and, eq } from 'drizzle-orm';
import { schema } from '@attentive/db';
import type { Ctx } from '../context.ts';
import { notFound } from '../errors.ts';
import { canAdminister } from '../policy/admin.ts';
import { apiTokenView, type ApiTokenView } from './api-token-view.ts';

/** For tests and the revocation check: a token row of this tenant. */
export async function getApiToken({ ctx, input }: { ctx: Ctx; input: { tokenId: number } }): Promise<ApiTokenView> {
  if (!canAdminister(ctx.principal)) throw notFound(`API token ${input.tokenId}`);
  const [row] = await ctx.db
    .select()
    .from(schema.apiTokens)
    .where(and(eq(schema.apiTokens.id, input.tokenId), eq(schema.apiTokens.tenantId, ctx.principal.tenantId)));
  if (!row) throw notFound(`API token ${input.tokenId}`);
  return apiTokenView(row);
}
