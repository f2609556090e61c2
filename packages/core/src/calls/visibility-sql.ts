import { and, eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import { schema, type DbOrTx } from '@attentive/db';
import { callVisibility } from '../policy/calls.ts';
import type { Principal } from '../policy/principal.ts';

const { calls, people, programs } = schema;

/**
 * The policy's call visibility as a WHERE condition on `calls`. Team and client scopes are resolved
 * to literal id lists first, so the planner can pick the agent or program index.
 */
export async function callVisibilityWhere(db: DbOrTx, p: Principal): Promise<SQL> {
  const tenant = eq(calls.tenantId, p.tenantId);
  const v = callVisibility(p);
  if (v.all) return tenant;
  const agentIds = new Set(v.agentIds);
  if (v.teamIds.length) {
    const rows = await db.select({ id: people.id }).from(people).where(and(eq(people.tenantId, p.tenantId), inArray(people.teamId, v.teamIds)));
    rows.forEach((r) => agentIds.add(r.id));
  }
  const programIds = new Set(v.programIds);
  if (v.clientIds.length) {
    const rows = await db.select({ id: programs.id }).from(programs).where(and(eq(programs.tenantId, p.tenantId), inArray(programs.clientId, v.clientIds)));
    rows.forEach((r) => programIds.add(r.id));
  }
  const parts: SQL[] = [];
  if (agentIds.size) parts.push(inArray(calls.agentId, [...agentIds]));
  if (programIds.size) parts.push(inArray(calls.programId, [...programIds]));
  return and(tenant, parts.length ? or(...parts)! : sql`0`)!;
}
