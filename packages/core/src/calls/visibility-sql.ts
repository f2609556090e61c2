import { and, eq, inArray, or, sql, type AnyColumn, type SQL } from 'drizzle-orm';
import { schema, type DbOrTx } from '@attentive/db';
import { callVisibility } from '../policy/calls.ts';
import type { Principal } from '../policy/principal.ts';

const { calls, people, programs } = schema;

/**
 * Calls (by the given call id column) that a sample assigned to this person, items not replaced.
 * `+si.tenant_id` keeps SQLite on the assignee index: left to itself (no ANALYZE statistics) it read every
 * sample item of the tenant for each team lead's list — 19 ms a page with a year of samples (52,000 items)
 * on 260,000 calls, against 1.2 ms.
 */
export const assignedBySample = (tenantId: number, personId: number, callId: AnyColumn) =>
  sql`${callId} in (select si.call_id from sample_items si where +si.tenant_id = ${tenantId} and si.assigned_to = ${personId} and si.status <> 'replaced')`;

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
    const rows = await db
      .select({ id: people.id })
      .from(people)
      .where(and(eq(people.tenantId, p.tenantId), inArray(people.teamId, v.teamIds)));
    rows.forEach((r) => agentIds.add(r.id));
  }
  const programIds = new Set(v.programIds);
  if (v.clientIds.length) {
    const rows = await db
      .select({ id: programs.id })
      .from(programs)
      .where(and(eq(programs.tenantId, p.tenantId), inArray(programs.clientId, v.clientIds)));
    rows.forEach((r) => programIds.add(r.id));
  }
  const parts: SQL[] = [];
  if (agentIds.size) parts.push(inArray(calls.agentId, [...agentIds]));
  if (programIds.size) parts.push(inArray(calls.programId, [...programIds]));
  if (v.assignedToPersonId != null) parts.push(assignedBySample(p.tenantId, v.assignedToPersonId, calls.id));
  return and(tenant, parts.length ? or(...parts)! : sql`0`)!;
}
