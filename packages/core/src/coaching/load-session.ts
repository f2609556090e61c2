import { and, eq } from 'drizzle-orm';
import { schema, type DbOrTx } from '@attentive/db';
import { notFound } from '../errors.ts';
import type { Principal } from '../policy/principal.ts';
import { loadAgentForCoaching } from './scope.ts';

/** A coaching session the principal may see (its agent's coaches, the agent); otherwise NOT_FOUND. */
export async function loadSessionForCoaching(tx: DbOrTx, p: Principal, sessionId: number) {
  const [session] = await tx
    .select()
    .from(schema.coachingSessions)
    .where(and(eq(schema.coachingSessions.id, sessionId), eq(schema.coachingSessions.tenantId, p.tenantId)))
    .limit(1);
  if (!session) throw notFound(`Coaching session ${sessionId}`);
  const { agent, scope } = await loadAgentForCoaching(tx, p, session.agentId).catch(() => {
    throw notFound(`Coaching session ${sessionId}`);
  });
  return { session, agent, scope };
}
