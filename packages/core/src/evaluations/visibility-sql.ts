import { and, eq, inArray, ne, not, or, sql, type SQL } from 'drizzle-orm';
import { schema } from '@attentive/db';
import { clientIdsAudited, type Principal } from '../policy/principal.ts';
import { evaluationSeal, evaluationVisibility, type EvaluationSeal } from '../policy/evaluations.ts';
import { notHiddenBySelfEvaluation } from '../coaching/scope.ts';
import { assignedBySample } from '../calls/visibility-sql.ts';

/** The sealing rule (policy isSealedFrom) as SQL: not a draft of a sealed kind made by someone else. */
function notSealed(seal: EvaluationSeal): SQL | undefined {
  const e = schema.evaluations;
  const author =
    'personId' in seal.author ? sql`coalesce(${e.evaluatorId}, 0) = ${seal.author.personId}` : eq(e.evaluatorLabel, seal.author.label);
  const parts: SQL[] = [];
  if (seal.kinds.length) parts.push(not(and(inArray(e.kind, seal.kinds), ne(e.status, 'submitted'), not(author))!));
  if (seal.alwaysKinds.length) parts.push(not(and(inArray(e.kind, seal.alwaysKinds), not(author))!));
  return parts.length ? and(...parts) : undefined;
}

/**
 * The re-score seal (policy sealedForClientRescore) as SQL: for an auditor of clients C…, no evaluation of a call
 * with an unscored re-score item of one of C… unless the principal made it. Undefined for everyone else.
 */
export function notSealedForClientRescore(p: Principal): SQL | undefined {
  const audited = clientIdsAudited(p);
  if (!audited.length) return undefined;
  const e = schema.evaluations;
  const i = schema.clientRescoreItems;
  const r = schema.clientRescores;
  const author = p.personId != null ? sql`coalesce(${e.evaluatorId}, 0) = ${p.personId}` : eq(e.evaluatorLabel, p.label);
  return or(
    author,
    sql`not exists (select 1 from ${i} join ${r} on ${r.id} = ${i.rescoreId} where ${i.callId} = ${e.callId} and ${i.scoredAt} is null and ${inArray(r.clientId, audited)})`
  )!;
}

/**
 * The WHERE clause for "evaluations this principal may read", from the policy's description.
 * Expects `people` (the agent) and `programs` joined on the evaluation.
 */
export function visibleEvaluations(p: Principal): SQL {
  const tenant = eq(schema.evaluations.tenantId, p.tenantId);
  const v = evaluationVisibility(p);
  const unsealed = and(notSealed(evaluationSeal(p)), notSealedForClientRescore(p));
  if (v.all) return and(tenant, unsealed)!;
  const submitted = eq(schema.evaluations.status, 'submitted');
  const parts: SQL[] = [];
  if (v.teamIds.length) parts.push(inArray(schema.people.teamId, v.teamIds));
  if (v.assignedToPersonId != null) parts.push(assignedBySample(p.tenantId, v.assignedToPersonId, schema.evaluations.callId));
  if (v.submittedClientIds.length)
    parts.push(and(submitted, inArray(schema.programs.clientId, v.submittedClientIds), inArray(schema.evaluations.kind, v.clientKinds))!);
  // An agent does not see others' scores of a call while its own self-evaluation of it is open.
  if (v.submittedAgentIds.length)
    parts.push(
      and(
        submitted,
        inArray(schema.evaluations.agentId, v.submittedAgentIds),
        inArray(schema.evaluations.kind, v.agentKinds),
        notHiddenBySelfEvaluation()
      )!
    );
  return and(tenant, unsealed, parts.length ? or(...parts) : sql`0`)!;
}
