import { schema, type DbOrTx } from '@attentive/db';
import type { Principal } from '../policy/principal.ts';
import { authorOf } from './actor.ts';
import type { RevisionScore } from './cached-score.ts';

/**
 * Appends one submitted state of an evaluation (revision 1 at submit, one more per later change) with
 * its author: the one insert into evaluation_revisions, used by submit, revise and the mystery-call form.
 */
export async function insertRevision(
  tx: DbOrTx,
  p: Principal,
  v: { evaluationId: number; revision: number; answers: Record<string, unknown>; scored: RevisionScore; at: Date; reason: string | null }
) {
  const me = authorOf(p);
  const [row] = await tx
    .insert(schema.evaluationRevisions)
    .values({
      evaluationId: v.evaluationId,
      revision: v.revision,
      answers: v.answers,
      ...v.scored,
      authorId: me.id,
      authorLabel: me.label,
      at: v.at,
      reason: v.reason
    })
    .returning();
  return row!;
}
