import { and, eq, inArray, isNull } from 'drizzle-orm';
import { schema, type DbOrTx } from '@attentive/db';
import { clientIdsAudited, type Principal } from '../policy/principal.ts';

/**
 * The re-score seal (policy/evaluations.ts `sealedForClientRescore`) in calibration: a session's results are the
 * other participants' answers and the agreed ones — the contact center's scores of its calls. While the reader's
 * client has an unscored blind re-score item of one of a session's calls, that session's results stay closed to
 * the reader. Returns session id → the first such call (none for everyone but client auditors).
 */
export async function resultsSealedByRescore(tx: DbOrTx, p: Principal, sessionIds: number[]): Promise<Map<number, number>> {
  const audited = clientIdsAudited(p);
  if (audited.length === 0 || sessionIds.length === 0) return new Map();
  const rows = await tx
    .selectDistinct({ sessionId: schema.calibrationCalls.sessionId, callId: schema.calibrationCalls.callId })
    .from(schema.calibrationCalls)
    .innerJoin(
      schema.clientRescoreItems,
      and(eq(schema.clientRescoreItems.callId, schema.calibrationCalls.callId), isNull(schema.clientRescoreItems.scoredAt))
    )
    .innerJoin(schema.clientRescores, eq(schema.clientRescores.id, schema.clientRescoreItems.rescoreId))
    .where(
      and(
        inArray(schema.calibrationCalls.sessionId, sessionIds),
        eq(schema.clientRescoreItems.tenantId, p.tenantId),
        inArray(schema.clientRescores.clientId, audited)
      )
    )
    .orderBy(schema.calibrationCalls.sessionId, schema.calibrationCalls.callId);
  const out = new Map<number, number>();
  for (const r of rows) if (!out.has(r.sessionId)) out.set(r.sessionId, r.callId);
  return out;
}
