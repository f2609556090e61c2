import { and, eq, inArray, notInArray as notIn, or, sql, type SQL } from 'drizzle-orm';
import { schema, type DbOrTx } from '@attentive/db';
import { notFound } from '../errors.ts';
import { findInTenant } from '../access/scoped.ts';
import type { Principal } from '../policy/principal.ts';
import { type AgentScope, canReadCoaching, coachingVisibility, isAgentSelf } from '../policy/coaching.ts';
import { canReadEvaluation } from '../policy/evaluations.ts';
import { loadEvaluationWithScope } from '../evaluations/scope.ts';
import { AGENT_AUTHORED_KINDS, byAgent, type EvaluationKind } from '../evaluations/kinds.ts';

/** An agent (person) of the tenant the principal may see coaching data of; otherwise NOT_FOUND. */
export async function loadAgentForCoaching(tx: DbOrTx, p: Principal, agentId: number) {
  const agent = await findInTenant(tx, schema.people, p.tenantId, agentId, 'Agent');
  const scope: AgentScope = { tenantId: p.tenantId, agentId, agentTeamId: agent.teamId };
  if (!canReadCoaching(p, scope)) throw notFound(`Agent ${agentId}`);
  return { agent, scope };
}

/**
 * A row reached through another (an action through its session, a dispute through its evaluation): when
 * the other is hidden or missing, so is the row, as a NOT_FOUND that names the row, never the other.
 */
export const hiddenAsNotFound = <T>(load: Promise<T>, what: string): Promise<T> =>
  load.catch(() => {
    throw notFound(what);
  });

/** WHERE clause on `people` (the agent) for "agents whose coaching data this principal may list". */
export function visibleAgents(p: Principal): SQL {
  const tenant = eq(schema.people.tenantId, p.tenantId);
  const v = coachingVisibility(p);
  if (v.all) return tenant;
  const parts: SQL[] = [];
  if (v.teamIds.length) parts.push(inArray(schema.people.teamId, v.teamIds));
  if (v.agentIds.length) parts.push(inArray(schema.people.id, v.agentIds));
  return and(tenant, parts.length ? or(...parts) : sql`0`)!;
}

/**
 * While a self-evaluation of a call is open, the other evaluations of that call are hidden from the
 * agent: it scores first, then sees the lead's score.
 */
export async function hiddenFromAgentBySelfEvaluation(
  tx: DbOrTx,
  e: { callId: number | null; agentId: number | null; kind: EvaluationKind }
) {
  if (e.callId == null || e.agentId == null || byAgent(e.kind)) return false;
  const [open] = await tx
    .select({ id: schema.selfEvaluationRequests.id })
    .from(schema.selfEvaluationRequests)
    .where(
      and(
        eq(schema.selfEvaluationRequests.callId, e.callId),
        eq(schema.selfEvaluationRequests.agentId, e.agentId),
        eq(schema.selfEvaluationRequests.status, 'open')
      )
    )
    .limit(1);
  return open != null;
}

/** SQL: the evaluation is not hidden from its agent by an open self-evaluation request (agents' lists). */
export const notHiddenBySelfEvaluation = (): SQL =>
  sql`not exists (select 1 from ${schema.selfEvaluationRequests} r where r.call_id = ${schema.evaluations.callId} and r.agent_id = ${schema.evaluations.agentId} and r.status = 'open' and ${notIn(schema.evaluations.kind, AGENT_AUTHORED_KINDS)})`;

/**
 * A submitted evaluation as the coaching verbs see it: readable under the evaluation policy, and for
 * the agent itself not hidden by an open self-evaluation. Anything else is NOT_FOUND.
 */
export async function loadEvaluationForCoaching(tx: DbOrTx, p: Principal, evaluationId: number) {
  const loaded = await loadEvaluationWithScope(tx, p.tenantId, evaluationId);
  const missing = () => notFound(`Evaluation ${evaluationId}`);
  // Coaching is about an agent: an evaluation whose agent is not identified yet (a mystery call) has none.
  const agentId = loaded.evaluation.agentId;
  if (agentId == null) throw missing();
  const evaluation = { ...loaded.evaluation, agentId };
  const scope = { ...loaded.scope, agentId };
  const agentScope: AgentScope = { tenantId: p.tenantId, agentId, agentTeamId: scope.agentTeamId };
  if (!canReadEvaluation(p, scope, evaluation) || !canReadCoaching(p, agentScope)) throw missing();
  if (isAgentSelf(p, agentScope) && (evaluation.status !== 'submitted' || (await hiddenFromAgentBySelfEvaluation(tx, evaluation))))
    throw missing();
  return { evaluation, scope, agentScope };
}

/** SQL: not an evaluation the agent made itself (KIND_TRAITS.byAgent). */
export const notSelfKind = () => notIn(schema.evaluations.kind, AGENT_AUTHORED_KINDS);
