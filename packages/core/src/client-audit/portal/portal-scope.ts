import { and, asc, eq, inArray } from 'drizzle-orm';
import { schema } from '@attentive/db';
import type { Month } from '@attentive/shared/client-metrics';
import { nowOf, type Ctx } from '../../context.ts';
import { forbidden, invalid, notFound } from '../../errors.ts';
import { canReadClient, canReadClientPortal, portalClientIds } from '../../policy/client-audit.ts';
import { localDate } from '../../sampling/period.ts';
import { tenantTimeZone } from '../../settings/tenant-settings.ts';

/** The clients whose portal the reader may open, by name (an admin: every client of the tenant). */
export async function readableClients(ctx: Ctx) {
  const p = ctx.principal;
  if (!canReadClientPortal(p)) throw forbidden('The client portal is for client auditors and admins');
  const ids = portalClientIds(p);
  const c = schema.clients;
  return ctx.db
    .select({ id: c.id, code: c.code, name: c.name, pseudonymiseAgents: c.pseudonymiseAgents })
    .from(c)
    .where(and(eq(c.tenantId, p.tenantId), ids === 'all' ? undefined : inArray(c.id, ids)))
    .orderBy(asc(c.name));
}

/**
 * The client a portal read is about: the one named (NOT_FOUND when the reader may not read it — another
 * client does not exist for an auditor), else the reader's only client. An admin, or an auditor of several
 * clients, must name it.
 */
export async function portalClient(ctx: Ctx, clientId: number | undefined) {
  const clients = await readableClients(ctx);
  if (clientId == null) {
    if (clients.length === 1 && portalClientIds(ctx.principal) !== 'all') return clients[0]!;
    throw invalid('clientId: name the client whose portal to open', [
      { path: 'clientId', message: 'Required: you may read several clients' }
    ]);
  }
  const client = clients.find((c) => c.id === clientId);
  if (!client || !canReadClient(ctx.principal, { tenantId: ctx.principal.tenantId, clientId })) throw notFound(`Client ${clientId}`);
  return client;
}

/** The programs of a client, by name. */
export function clientPrograms(ctx: Ctx, clientId: number) {
  const pr = schema.programs;
  return ctx.db
    .select({ id: pr.id, code: pr.code, name: pr.name })
    .from(pr)
    .where(and(eq(pr.tenantId, ctx.principal.tenantId), eq(pr.clientId, clientId)))
    .orderBy(asc(pr.name));
}

/** A program the reader may read in the portal, with its client; NOT_FOUND otherwise (another client's program does not exist for it). */
export async function portalProgram(ctx: Ctx, programId: number) {
  const p = ctx.principal;
  if (!canReadClientPortal(p)) throw forbidden('The client portal is for client auditors and admins');
  const pr = schema.programs;
  const c = schema.clients;
  const [row] = await ctx.db
    .select({
      id: pr.id,
      code: pr.code,
      name: pr.name,
      client: { id: c.id, code: c.code, name: c.name, pseudonymiseAgents: c.pseudonymiseAgents }
    })
    .from(pr)
    .innerJoin(c, eq(c.id, pr.clientId))
    .where(and(eq(pr.tenantId, p.tenantId), eq(pr.id, programId)));
  if (!row || !canReadClient(p, { tenantId: p.tenantId, clientId: row.client.id })) throw notFound(`Program ${programId}`);
  return row;
}

/** The month asked for, else the current month on the contact center's clock. */
export async function portalMonth(ctx: Ctx, month: Month | undefined): Promise<{ month: Month; timeZone: string }> {
  const timeZone = await tenantTimeZone(ctx);
  return { month: month ?? localDate(timeZone, nowOf(ctx)).slice(0, 7), timeZone };
}
