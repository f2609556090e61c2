import { and, eq, isNotNull, ne } from 'drizzle-orm';
import { schema, type DbOrTx } from '@attentive/db';
import { notFound } from '../errors.ts';
import { findInTenant } from '../access/scoped.ts';
import type { CallScope } from '../policy/calls.ts';

/** The evaluators a sample assigned this call to (items not replaced): see CallScope.assignedTo. */
export async function sampleAssignees(tx: DbOrTx, tenantId: number, callId: number | null): Promise<number[]> {
  if (callId == null) return [];
  const rows = await tx
    .selectDistinct({ personId: schema.sampleItems.assignedTo })
    .from(schema.sampleItems)
    .where(
      and(
        eq(schema.sampleItems.tenantId, tenantId),
        eq(schema.sampleItems.callId, callId),
        ne(schema.sampleItems.status, 'replaced'),
        isNotNull(schema.sampleItems.assignedTo)
      )
    );
  return rows.map((r) => r.personId!);
}

/**
 * Tenant-scoped loaders. A foreign id and a missing id look the same from outside: NOT_FOUND.
 * Each returns the row with the scope (program, client, agent, agent's team) that policies decide on.
 */
export async function loadCallWithScope(tx: DbOrTx, tenantId: number, callId: number) {
  const rows = await tx
    .select({ call: schema.calls, clientId: schema.programs.clientId, agentTeamId: schema.people.teamId })
    .from(schema.calls)
    .innerJoin(schema.programs, eq(schema.programs.id, schema.calls.programId))
    .innerJoin(schema.people, eq(schema.people.id, schema.calls.agentId))
    .where(and(eq(schema.calls.id, callId), eq(schema.calls.tenantId, tenantId)))
    .limit(1);
  const row = rows[0];
  if (!row) throw notFound(`Call ${callId}`);
  const scope: CallScope = {
    tenantId,
    programId: row.call.programId,
    clientId: row.clientId,
    agentId: row.call.agentId,
    agentTeamId: row.agentTeamId,
    assignedTo: await sampleAssignees(tx, tenantId, callId)
  };
  return { call: row.call, scope };
}

export async function loadAgentScope(tx: DbOrTx, tenantId: number, agentId: number, programId: number) {
  const agent = await findInTenant(tx, schema.people, tenantId, agentId, 'Agent');
  const program = await findInTenant(tx, schema.programs, tenantId, programId, 'Program');
  const scope: CallScope = { tenantId, programId, clientId: program.clientId, agentId, agentTeamId: agent.teamId };
  return { agent, program, scope };
}

export async function loadEvaluationWithScope(tx: DbOrTx, tenantId: number, evaluationId: number) {
  const rows = await tx
    .select({ evaluation: schema.evaluations, clientId: schema.programs.clientId, agentTeamId: schema.people.teamId })
    .from(schema.evaluations)
    .innerJoin(schema.programs, eq(schema.programs.id, schema.evaluations.programId))
    .innerJoin(schema.people, eq(schema.people.id, schema.evaluations.agentId))
    .where(and(eq(schema.evaluations.id, evaluationId), eq(schema.evaluations.tenantId, tenantId)))
    .limit(1);
  const row = rows[0];
  if (!row) throw notFound(`Evaluation ${evaluationId}`);
  const e = row.evaluation;
  const scope: CallScope = {
    tenantId,
    programId: e.programId,
    clientId: row.clientId,
    agentId: e.agentId,
    agentTeamId: row.agentTeamId,
    assignedTo: await sampleAssignees(tx, tenantId, e.callId)
  };
  return { evaluation: e, scope };
}
