import { and, desc, eq, inArray, ne, sql } from 'drizzle-orm';
import { schema, type DbOrTx } from '@attentive/db';
import { conflict } from '../errors.ts';
import { COUNTING_KINDS, SAMPLE_KINDS, countsTowardAgent, type EvaluationKind } from './kinds.ts';

/** `kind in (…counting kinds…)` for raw SQL over an evaluations alias (the kinds are constants, not input). */
export const COUNTING_KINDS_SQL = sql.raw(COUNTING_KINDS.map((k) => `'${k}'`).join(', '));
/** `kind in (…kinds that fulfil a sample item…)` for raw SQL over an evaluations alias. */
export const SAMPLE_KINDS_SQL = sql.raw(SAMPLE_KINDS.map((k) => `'${k}'`).join(', '));

/** SQL: a submitted evaluation of a kind that counts toward its agent (KIND_TRAITS), the ones scores are made of. */
export const countsTowardAgentSql = () => and(eq(schema.evaluations.status, 'submitted'), inArray(schema.evaluations.kind, COUNTING_KINDS));

/**
 * The submitted evaluation of a counting kind of this call, if any (other than `exceptId`): the one
 * observation of the agent that this call is. docs/scoring.md, "Which evaluations count".
 */
export async function countingEvaluationOfCall(tx: DbOrTx, o: { tenantId: number; callId: number; exceptId?: number }) {
  const e = schema.evaluations;
  const [row] = await tx
    .select({ id: e.id, kind: e.kind, evaluatorLabel: e.evaluatorLabel, submittedAt: e.submittedAt })
    .from(e)
    .where(
      and(eq(e.tenantId, o.tenantId), eq(e.callId, o.callId), countsTowardAgentSql(), o.exceptId != null ? ne(e.id, o.exceptId) : undefined)
    )
    .orderBy(desc(e.id))
    .limit(1);
  return row ?? null;
}

/**
 * Refuses a second counting evaluation of a call (409 naming the one that counts): a call is one
 * observation of its agent, and averaging a second scoring in would count it twice.
 */
export async function refuseSecondCountingEvaluation(
  tx: DbOrTx,
  o: { tenantId: number; callId: number | null; kind: EvaluationKind; exceptId?: number }
) {
  if (o.callId == null || !countsTowardAgent(o.kind)) return;
  const existing = await countingEvaluationOfCall(tx, { tenantId: o.tenantId, callId: o.callId, exceptId: o.exceptId });
  if (!existing) return;
  const by = existing.evaluatorLabel.replace(/^user:/, '');
  throw conflict(
    `Call ${o.callId} is already scored: evaluation ${existing.id} (${existing.kind}, by ${by}) counts toward the agent. ` +
      `A call counts once: change evaluation ${existing.id} as a new revision with a reason instead of scoring the call again.`
  );
}
