import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { schema, type DbOrTx } from '@attentive/db';
import type { Ctx } from '../../context.ts';
import { nowOf } from '../../context.ts';
import { conflict, forbidden, notFound } from '../../errors.ts';
import { writeAudit } from '../../audit/write-audit.ts';
import { canRescoreFor } from '../../policy/client-audit.ts';
import { isAuthor } from '../../policy/evaluations.ts';
import type { Principal } from '../../policy/principal.ts';
import { AnswersInput, Id, parseInput } from '../../evaluations/inputs.ts';
import { expectVersion } from '../../evaluations/load-for-change.ts';
import { cachedScoreOf } from '../../evaluations/cached-score.ts';
import { compactAnswers, loadScorecardVersion, scoreAnswers } from '../../evaluations/score.ts';
import { loadReadableRescore } from './load-rescore.ts';
import { loadRescoreItem } from './get-rescore.ts';

export const SaveRescoreScoreInput = z.object({
  rescoreId: Id,
  itemId: Id,
  answers: AnswersInput,
  /** Submit: every required item answered. Final: from then on the contact center's score of the call is revealed. */
  submit: z.boolean().default(false),
  /** The evaluation version the editor read (stale → 409); leave out on the first save. */
  version: Id.optional()
});

type Evaluation = typeof schema.evaluations.$inferSelect;

/**
 * The item and the client's evaluation of it, for a principal who scores for the item's client: the client's
 * auditors only (a reader from the contact center: 403; anyone else: 404). One client score per item: the auditor
 * who saved first scores it; another auditor gets 409 naming them (a draft is sealed from everyone but its author,
 * so continuing it would unseal it).
 */
export async function loadScorableItem(tx: DbOrTx, p: Principal, rescoreId: number, itemId: number) {
  const { rescore } = await loadReadableRescore(tx, p, rescoreId);
  if (!canRescoreFor(p, { tenantId: rescore.tenantId, clientId: rescore.clientId }))
    throw forbidden("Only the client's own auditors score a re-score: the contact center never scores as the client");
  const item = await loadRescoreItem(tx, rescoreId, itemId);
  if (!item) throw notFound(`Item ${itemId} of re-score ${rescoreId}`);
  let existing: Evaluation | null = null;
  if (item.clientEvaluationId != null) {
    [existing = null] = await tx.select().from(schema.evaluations).where(eq(schema.evaluations.id, item.clientEvaluationId));
    if (existing && !isAuthor(p, existing)) throw conflict(`Item ${itemId} is scored for the client by ${existing.evaluatorLabel}`);
  }
  return { rescore, item, existing };
}

/**
 * THE writer of a client re-score: a client's auditor saves (or submits) its answers for one drawn item. The
 * evaluation (kind 'client_rescore': never counts, never the agent's, sealed while a draft) is made on the first
 * save with the drawn evaluation's scorecard version, agent and program, and linked to the item then (so a second
 * auditor finds who scores it). Submitting sets the item's scored_at in the same transaction — which lifts the
 * seal on the contact center's scores of the call — and is final: what is compared is what was given blind.
 * The score is THE formula's (scoreAnswers), as every evaluation. Audited on submit, like calibration scores.
 */
export async function saveRescoreScore({ ctx, input }: { ctx: Ctx; input: z.input<typeof SaveRescoreScoreInput> }) {
  const data = parseInput(SaveRescoreScoreInput, input);
  const p = ctx.principal;
  const now = nowOf(ctx);
  return ctx.db.transaction(async (tx) => {
    const { rescore, item, existing } = await loadScorableItem(tx, p, data.rescoreId, data.itemId);
    if (item.scoredAt != null)
      throw conflict(`Item ${item.id} of re-score ${rescore.id} was submitted: the client's score no longer changes`);
    const [drawn] = await tx.select().from(schema.evaluations).where(eq(schema.evaluations.id, item.evaluationId));
    const version = await loadScorecardVersion(tx, p.tenantId, drawn!.scorecardVersionId);
    if (existing && data.version != null) expectVersion(existing.version, data.version, 'This score');
    const merged = compactAnswers({ ...((existing?.answers ?? {}) as Record<string, never>), ...data.answers });
    const { result, cached, revision: scored } = scoreAnswers(version.definition, merged, { requireComplete: data.submit });
    const evaluation = existing ?? (await createClientEvaluation(tx, p, { item, drawn: drawn!, now }));
    const revision = data.submit ? evaluation.revision + 1 : evaluation.revision;
    if (data.submit)
      await tx.insert(schema.evaluationRevisions).values({
        evaluationId: evaluation.id,
        revision,
        answers: merged,
        ...scored,
        authorId: p.personId ?? null,
        authorLabel: p.label,
        at: now,
        reason: null
      });
    const [row] = await tx
      .update(schema.evaluations)
      .set({
        answers: merged,
        ...cached,
        status: data.submit ? 'submitted' : evaluation.status,
        revision,
        submittedAt: data.submit ? now : evaluation.submittedAt,
        version: evaluation.version + 1,
        updatedAt: now
      })
      .where(eq(schema.evaluations.id, evaluation.id))
      .returning();
    if (data.submit) {
      await tx
        .update(schema.clientRescoreItems)
        .set({ scoredAt: now, clientEvaluationId: evaluation.id })
        .where(eq(schema.clientRescoreItems.id, item.id));
      await writeAudit(
        tx,
        ctx,
        {
          action: 'client_rescore.score',
          objectType: 'client_rescore_item',
          objectId: item.id,
          after: { rescoreId: rescore.id, evaluationId: evaluation.id, drawnEvaluationId: item.evaluationId, overallScore: result.score }
        },
        now
      );
    }
    return { evaluationId: row!.id, status: row!.status, version: row!.version, score: result };
  });
}

async function createClientEvaluation(tx: DbOrTx, p: Principal, o: { item: { id: number; callId: number }; drawn: Evaluation; now: Date }) {
  const version = await loadScorecardVersion(tx, p.tenantId, o.drawn.scorecardVersionId);
  const [row] = await tx
    .insert(schema.evaluations)
    .values({
      tenantId: p.tenantId,
      callId: o.item.callId,
      agentId: o.drawn.agentId,
      programId: o.drawn.programId,
      scorecardVersionId: o.drawn.scorecardVersionId,
      evaluatorId: p.personId,
      evaluatorLabel: p.label,
      kind: 'client_rescore',
      status: 'draft',
      answers: {},
      ...cachedScoreOf(version.definition, {}).cached,
      createdAt: o.now,
      updatedAt: o.now
    })
    .returning();
  await tx.update(schema.clientRescoreItems).set({ clientEvaluationId: row!.id }).where(eq(schema.clientRescoreItems.id, o.item.id));
  return row!;
}
