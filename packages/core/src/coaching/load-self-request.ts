import { and, eq } from 'drizzle-orm';
import { schema, type DbOrTx } from '@attentive/db';
import { notFound } from '../errors.ts';
import type { Principal } from '../policy/principal.ts';
import { loadAgentForCoaching } from './scope.ts';

/** A self-evaluation request the principal may see (the agent, its coaches); otherwise NOT_FOUND. */
export async function loadSelfRequest(tx: DbOrTx, p: Principal, requestId: number) {
  const r = schema.selfEvaluationRequests;
  const [request] = await tx
    .select()
    .from(r)
    .where(and(eq(r.id, requestId), eq(r.tenantId, p.tenantId)))
    .limit(1);
  if (!request) throw notFound(`Self-evaluation request ${requestId}`);
  const { agent, scope } = await loadAgentForCoaching(tx, p, request.agentId).catch(() => {
    throw notFound(`Self-evaluation request ${requestId}`);
  });
  return { request, agent, scope };
}
