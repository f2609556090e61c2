import { and, eq, isNotNull, isNull, ne } from 'drizzle-orm';
import { schema, type DbOrTx } from '@attentive/db';
import { notFound } from '../errors.ts';
import { findInTenant } from '../access/scoped.ts';
import type { CallScope } from '../policy/calls.ts';
import type { EvaluationScope } from '../policy/evaluations.ts';

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

/** The participants of calibration sessions that include this call: see CallScope.calibrationParticipants. */
export async function calibrationParticipantsOf(tx: DbOrTx, callId: number | null): Promise<number[]> {
  if (callId == null) return [];
  const rows = await tx
    .selectDistinct({ personId: schema.calibrationParticipants.personId })
    .from(schema.calibrationCalls)
    .innerJoin(schema.calibrationParticipants, eq(schema.calibrationParticipants.sessionId, schema.calibrationCalls.sessionId))
    .where(eq(schema.calibrationCalls.callId, callId));
  return rows.map((r) => r.personId);
}

/** The clients with an unscored blind re-score item of this call: see CallScope.rescoreSealedFor. */
export async function rescoreSealedFor(tx: DbOrTx, tenantId: number, callId: number | null): Promise<number[]> {
  if (callId == null) return [];
  const rows = await tx
    .selectDistinct({ clientId: schema.clientRescores.clientId })
    .from(schema.clientRescoreItems)
    .innerJoin(schema.clientRescores, eq(schema.clientRescores.id, schema.clientRescoreItems.rescoreId))
    .where(
      and(
        eq(schema.clientRescoreItems.tenantId, tenantId),
        eq(schema.clientRescoreItems.callId, callId),
        isNull(schema.clientRescoreItems.scoredAt)
      )
    );
  return rows.map((r) => r.clientId);
}

/** Who may read a call besides its scope's roles (sample assignees, calibration participants), and the re-score seal. */
export async function callReaders(tx: DbOrTx, tenantId: number, callId: number | null) {
  return {
    assignedTo: await sampleAssignees(tx, tenantId, callId),
    calibrationParticipants: await calibrationParticipantsOf(tx, callId),
    rescoreSealedFor: await rescoreSealedFor(tx, tenantId, callId)
  };
}

/** A table whose rows are about one agent in one program: what a CallScope is built from. */
type AgentProgramTable = typeof schema.calls | typeof schema.evaluations;

/**
 * One row of a call or evaluation table in the tenant with the scope policies decide on: the program's
 * client, the agent's team, and who a sample assigned the call to. Missing or foreign: NOT_FOUND.
 */
async function loadRowWithScope<T extends AgentProgramTable>(
  tx: DbOrTx,
  tenantId: number,
  table: T,
  id: number,
  what: string,
  callIdOf: (row: T['$inferSelect']) => number | null
) {
  const t = table as AgentProgramTable;
  const [found] = (await tx
    .select({ row: t, clientId: schema.programs.clientId, agentTeamId: schema.people.teamId })
    .from(t)
    .innerJoin(schema.programs, eq(schema.programs.id, t.programId))
    .leftJoin(schema.people, eq(schema.people.id, t.agentId))
    .where(and(eq(t.id, id), eq(t.tenantId, tenantId)))
    .limit(1)) as { row: T['$inferSelect']; clientId: number; agentTeamId: number | null }[];
  if (!found) throw notFound(`${what} ${id}`);
  const { row } = found;
  const scope: EvaluationScope = {
    tenantId,
    programId: row.programId,
    clientId: found.clientId,
    agentId: row.agentId,
    agentTeamId: found.agentTeamId,
    ...(await callReaders(tx, tenantId, callIdOf(row)))
  };
  return { row, scope };
}

/**
 * Tenant-scoped loaders. A foreign id and a missing id look the same from outside: NOT_FOUND.
 * Each returns the row with the scope (program, client, agent, agent's team) that policies decide on.
 */
export async function loadCallWithScope(tx: DbOrTx, tenantId: number, callId: number) {
  const { row, scope } = await loadRowWithScope(tx, tenantId, schema.calls, callId, 'Call', (call) => call.id);
  // A call always has its agent.
  return { call: row, scope: { ...scope, agentId: row.agentId } satisfies CallScope };
}

export async function loadAgentScope(tx: DbOrTx, tenantId: number, agentId: number, programId: number) {
  const agent = await findInTenant(tx, schema.people, tenantId, agentId, 'Agent');
  const program = await findInTenant(tx, schema.programs, tenantId, programId, 'Program');
  const scope: CallScope = { tenantId, programId, clientId: program.clientId, agentId, agentTeamId: agent.teamId };
  return { agent, program, scope };
}

export async function loadEvaluationWithScope(tx: DbOrTx, tenantId: number, evaluationId: number) {
  const { row, scope } = await loadRowWithScope(tx, tenantId, schema.evaluations, evaluationId, 'Evaluation', (e) => e.callId);
  return { evaluation: row, scope };
}
