import { and, eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import { schema } from '@attentive/db';
import type { Principal } from '../policy/principal.ts';
import { evaluationVisibility } from '../policy/evaluations.ts';
import { notHiddenBySelfEvaluation } from '../coaching/scope.ts';
import { assignedBySample } from '../calls/visibility-sql.ts';

/**
 * The WHERE clause for "evaluations this principal may read", from the policy's description.
 * Expects `people` (the agent) and `programs` joined on the evaluation.
 */
export function visibleEvaluations(p: Principal): SQL {
  const tenant = eq(schema.evaluations.tenantId, p.tenantId);
  const v = evaluationVisibility(p);
  if (v.all) return tenant;
  const submitted = eq(schema.evaluations.status, 'submitted');
  const parts: SQL[] = [];
  if (v.teamIds.length) parts.push(inArray(schema.people.teamId, v.teamIds));
  if (v.assignedToPersonId != null) parts.push(assignedBySample(p.tenantId, v.assignedToPersonId, schema.evaluations.callId));
  if (v.submittedClientIds.length) parts.push(and(submitted, inArray(schema.programs.clientId, v.submittedClientIds), inArray(schema.evaluations.kind, v.clientKinds))!);
  // An agent does not see others' scores of a call while its own self-evaluation of it is open.
  if (v.submittedAgentIds.length) parts.push(and(submitted, inArray(schema.evaluations.agentId, v.submittedAgentIds), notHiddenBySelfEvaluation())!);
  return and(tenant, parts.length ? or(...parts) : sql`0`)!;
}
