import { and, eq } from 'drizzle-orm';
import { schema } from '@attentive/db';
import type { Month } from '@attentive/shared/client-metrics';
import { nowOf, type Ctx } from '../../context.ts';
import { forbidden, notFound } from '../../errors.ts';
import { canReadClient, canReadClientPortal } from '../../policy/client-audit.ts';
import { localDate } from '../../sampling/period.ts';
import { tenantTimeZone } from '../../settings/tenant-settings.ts';

/**
 * The program a report is about, with its client, once the reader may read that client (an admin, or the
 * client's own auditors): any other program — another client's, another tenant's, or none — is NOT_FOUND,
 * so a foreign id tells nothing. Also the tenant's clock: its time zone and the current month on it.
 */
export async function loadReportProgram(ctx: Ctx, programId: number) {
  const p = ctx.principal;
  // Callers with no portal at all (QA analysts, team leads, agents, API tokens) are refused outright (403).
  if (!canReadClientPortal(p)) throw forbidden('Contract reports are for admins and client auditors');
  const pr = schema.programs;
  const cl = schema.clients;
  const [row] = await ctx.db
    .select({ id: pr.id, code: pr.code, name: pr.name, clientId: cl.id, clientCode: cl.code, clientName: cl.name })
    .from(pr)
    .innerJoin(cl, eq(cl.id, pr.clientId))
    .where(and(eq(pr.id, programId), eq(pr.tenantId, p.tenantId)));
  if (!row || !canReadClient(p, { tenantId: p.tenantId, clientId: row.clientId })) throw notFound('Program');
  const timeZone = await tenantTimeZone(ctx);
  const now = nowOf(ctx);
  return {
    tenantId: p.tenantId,
    program: { id: row.id, code: row.code, name: row.name },
    client: { id: row.clientId, code: row.clientCode, name: row.clientName },
    timeZone,
    now,
    currentMonth: localDate(timeZone, now).slice(0, 7) as Month
  };
}
