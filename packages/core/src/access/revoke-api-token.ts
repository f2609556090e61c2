import { eq } from 'drizzle-orm';
import { schema } from '@attentive/db';
import { nowOf, type Ctx } from '../context.ts';
import { forbidden } from '../errors.ts';
import { canAdminister } from '../policy/admin.ts';
import { writeAudit } from '../audit/write-audit.ts';
import { findInTenant } from './scoped.ts';
import { apiTokenView, type ApiTokenView } from './api-token-view.ts';

/** Revokes a token at once (idempotent: revoking a revoked token changes nothing). */
export async function revokeApiToken({ ctx, input }: { ctx: Ctx; input: { tokenId: number } }): Promise<ApiTokenView> {
  if (!canAdminister(ctx.principal)) throw forbidden('Only an admin may revoke API tokens');
  const now = nowOf(ctx);
  return ctx.db.transaction(async (tx) => {
    const row = await findInTenant(tx, schema.apiTokens, ctx.principal.tenantId, input.tokenId, 'API token');
    if (row.revokedAt) return apiTokenView(row);
    const [updated] = await tx.update(schema.apiTokens).set({ revokedAt: now }).where(eq(schema.apiTokens.id, row.id)).returning();
    await writeAudit(
      tx,
      { principal: ctx.principal, requestId: ctx.requestId },
      { action: 'api_token.revoke', objectType: 'api_token', objectId: row.id, before: { name: row.name } },
      now
    );
    return apiTokenView(updated!);
  });
}
