import { and, eq, isNull, ne } from 'drizzle-orm';
import { schema, type DbOrTx } from '@attentive/db';
import { fulfilsSample, type EvaluationKind } from '../evaluations/kinds.ts';

/**
 * Links an evaluation to the sampled call it scores (called by the evaluation verbs on submit, inside
 * their transaction). Items of that call that stand (not replaced) and have no evaluation yet get it.
 * Only a kind that fulfils a sample item does (KIND_TRAITS.fulfilsSample: not a self-evaluation or a calibration score).
 */
export async function linkEvaluationToSample(
  tx: DbOrTx,
  o: { tenantId: number; callId: number; evaluationId: number; kind: EvaluationKind }
) {
  if (!fulfilsSample(o.kind)) return;
  await tx
    .update(schema.sampleItems)
    .set({ evaluationId: o.evaluationId })
    .where(
      and(
        eq(schema.sampleItems.tenantId, o.tenantId),
        eq(schema.sampleItems.callId, o.callId),
        ne(schema.sampleItems.status, 'replaced'),
        isNull(schema.sampleItems.evaluationId)
      )
    );
}
