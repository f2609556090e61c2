import { schema, type DbOrTx } from '@attentive/db';
import { findInTenant } from '../access/scoped.ts';
import type { Principal } from '../policy/principal.ts';
import { hiddenAsNotFound, loadAgentForCoaching } from './scope.ts';

/** A coaching session the principal may see (its agent's coaches, the agent); otherwise NOT_FOUND. */
export async function loadSessionForCoaching(tx: DbOrTx, p: Principal, sessionId: number) {
  const session = await findInTenant(tx, schema.coachingSessions, p.tenantId, sessionId, 'Coaching session');
  const { agent, scope } = await hiddenAsNotFound(loadAgentForCoaching(tx, p, session.agentId), `Coaching session ${sessionId}`);
  return { session, agent, scope };
}
