import { randomBytes } from 'node:crypto';
import { schema } from '@attentive/db';
import { nowOf, type Ctx } from '../context.ts';
import { forbidden, invalid } from '../errors.ts';
import { canAdminister } from '../policy/admin.ts';
import { writeAudit } from '../audit/write-audit.ts';
import { API_TOKEN_PREFIX, hashApiToken } from './load-principal.ts';
import { findInTenant } from './scoped.ts';
import { apiTokenView } from './api-token-view.ts';

/**
 * Creates an integration token for exactly one program or one client. The token is returned once;
 * only its SHA-256 is stored (256 random bits, so a fast hash is enough).
 */
export async function createApiToken({
  ctx,
  input
}: {
  ctx: Ctx;
  input: { name: string; programId?: number | null; clientId?: number | null };
}) {
  if (!canAdminister(ctx.principal)) throw forbidden('Only an admin may create API tokens');
  const name = input.name.trim();
  if (!name) throw invalid('name: give the token a name that says what uses it', [{ path: 'name', message: 'required' }]);
  if ((input.programId == null) === (input.clientId == null)) {
    throw invalid('Scope the token to exactly one program (programId) or one client (clientId)', [
      { path: 'programId', message: 'exactly one of programId, clientId' }
    ]);
  }
  const tenantId = ctx.principal.tenantId;
  const token = API_TOKEN_PREFIX + randomBytes(32).toString('base64url');
  const now = nowOf(ctx);
  return ctx.db.transaction(async (tx) => {
    if (input.programId != null) await findInTenant(tx, schema.programs, tenantId, input.programId, 'Program');
    if (input.clientId != null) await findInTenant(tx, schema.clients, tenantId, input.clientId, 'Client');
    const [row] = await tx
      .insert(schema.apiTokens)
      .values({
        tenantId,
        name,
        prefix: token.slice(0, API_TOKEN_PREFIX.length + 6),
        tokenHash: hashApiToken(token),
        programId: input.programId ?? null,
        clientId: input.clientId ?? null,
        createdByUserId: ctx.principal.userId ?? null,
        createdAt: now
      })
      .returning();
    await writeAudit(
      tx,
      { principal: ctx.principal, requestId: ctx.requestId },
      {
        action: 'api_token.create',
        objectType: 'api_token',
        objectId: row!.id,
        after: { name, programId: row!.programId, clientId: row!.clientId }
      },
      now
    );
    return { ...apiTokenView(row!), id: row!.id, token };
  });
}
