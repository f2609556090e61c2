import { schema, type DbOrTx } from '@attentive/db';
import { findInTenant } from '../access/scoped.ts';
import type { Principal } from '../policy/principal.ts';
import { hiddenAsNotFound, loadEvaluationForCoaching } from './scope.ts';

/** A dispute the principal may see: its evaluation is readable to it for coaching; otherwise NOT_FOUND. */
export async function loadDisputeForCoaching(tx: DbOrTx, p: Principal, disputeId: number) {
  const dispute = await findInTenant(tx, schema.disputes, p.tenantId, disputeId, 'Dispute');
  const { evaluation, agentScope } = await hiddenAsNotFound(loadEvaluationForCoaching(tx, p, dispute.evaluationId), `Dispute ${disputeId}`);
  return { dispute, evaluation, agentScope };
}
