import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { plainText } from '@attentive/shared';
import { schema } from '@attentive/db';
import { AnswerValue } from '@attentive/shared/scorecard';
import type { Ctx } from '../context.ts';
import { nowOf } from '../context.ts';
import { conflict, forbidden, invalid } from '../errors.ts';
import { writeAudit } from '../audit/write-audit.ts';
import { canResolveDispute } from '../policy/coaching.ts';
import { validateAnswers } from '../scoring/validate-answers.ts';
import { applyRevisionInTx } from '../evaluations/apply-revision.ts';
import { authorOf } from '../evaluations/actor.ts';
import { Id, parseInput } from '../evaluations/inputs.ts';
import { loadScorecardVersion } from '../evaluations/score.ts';
import { disputeDto } from './dispute-dto.ts';
import { itemsById } from './item-scores.ts';
import { loadDisputeForCoaching } from './load-dispute.ts';

export const ResolveDisputeInput = z.object({
  disputeId: Id,
  /** A decision for every disputed item. Accepted items carry the corrected answer (default: the agent's proposal). */
  items: z
    .array(z.object({ itemId: z.string().min(1).max(64), outcome: z.enum(['accepted', 'rejected']), answer: AnswerValue.optional() }))
    .min(1),
  reason: plainText({ min: 3, minMessage: 'say why (at least 3 characters): the agent reads it', max: 2000, multiline: true })
});

/**
 * A coach (the agent's team lead, QA or an admin) decides an open dispute item by item: all accepted →
 * accepted, some → partly accepted, none → rejected. Accepted items change the evaluation as a NEW
 * revision carrying the reason (earlier revisions stay). Dispute, revision and audit in one transaction.
 */
export async function resolveDispute({ ctx, input }: { ctx: Ctx; input: z.input<typeof ResolveDisputeInput> }) {
  const data = parseInput(ResolveDisputeInput, input);
  const p = ctx.principal;
  const now = nowOf(ctx);
  return ctx.db.transaction(async (tx) => {
    const { dispute, evaluation, agentScope } = await loadDisputeForCoaching(tx, p, data.disputeId);
    if (!canResolveDispute(p, agentScope)) throw forbidden("Only the agent's team lead, QA or an admin resolves a dispute");
    if (dispute.status !== 'open') throw conflict(`Dispute ${dispute.id} is already resolved (${dispute.status.replace('_', ' ')})`);
    const items = await tx.select().from(schema.disputeItems).where(eq(schema.disputeItems.disputeId, dispute.id));
    const version = await loadScorecardVersion(tx, p.tenantId, evaluation.scorecardVersionId);
    const defs = itemsById(version.definition);

    const decided = new Map(data.items.map((d) => [d.itemId, d]));
    const details: { path: string; message: string }[] = [];
    data.items.forEach((d, i) => {
      if (!items.some((it) => it.itemId === d.itemId))
        details.push({ path: `items.${i}.itemId`, message: `item "${d.itemId}" is not part of dispute ${dispute.id}` });
    });
    if (decided.size !== data.items.length) details.push({ path: 'items', message: 'an item is decided twice' });
    for (const it of items)
      if (!decided.has(it.itemId)) details.push({ path: 'items', message: `decide item "${it.itemId}" too (accept or reject)` });
    const changes: Record<string, string | number> = {};
    data.items.forEach((d, i) => {
      if (d.outcome !== 'accepted') return;
      const item = items.find((it) => it.itemId === d.itemId);
      const answer = d.answer ?? item?.proposedAnswer ?? undefined;
      if (answer == null) {
        details.push({ path: `items.${i}.answer`, message: `item "${d.itemId}": give the corrected answer` });
        return;
      }
      try {
        validateAnswers(version.definition, { [d.itemId]: answer }, { requireComplete: false });
      } catch (e) {
        details.push({ path: `items.${i}.answer`, message: e instanceof Error ? e.message : String(e) });
        return;
      }
      if ((evaluation.answers as Record<string, unknown>)[d.itemId] === answer)
        details.push({
          path: `items.${i}.answer`,
          message: `item "${d.itemId}": the answer is already ${JSON.stringify(answer)}; reject it or give another answer`
        });
      changes[d.itemId] = answer;
    });
    if (details.length) throw invalid(`Cannot resolve: ${details.map((d) => d.message).join('; ')}`, details);

    const accepted = Object.keys(changes).length;
    const status = accepted === 0 ? 'rejected' : accepted === items.length ? 'accepted' : 'partly_accepted';
    let resultingRevision: number | null = null;
    if (accepted) {
      const rev = await applyRevisionInTx(tx, ctx, {
        evaluation,
        definition: version.definition,
        answers: { ...(evaluation.answers as Record<string, string | number>), ...changes },
        reason: `Dispute ${dispute.id} ${status.replace('_', ' ')}: ${data.reason}`,
        audit: { disputeId: dispute.id }
      });
      resultingRevision = rev.revision.revision;
    }
    const me = authorOf(p);
    const [resolved] = await tx
      .update(schema.disputes)
      .set({ status, resolvedAt: now, resolverId: me.id, resolverLabel: me.label, resolutionReason: data.reason, resultingRevision })
      .where(and(eq(schema.disputes.id, dispute.id), eq(schema.disputes.status, 'open')))
      .returning();
    if (!resolved) throw conflict(`Dispute ${dispute.id} was resolved by someone else meanwhile`);
    const after = [];
    for (const it of items) {
      const d = decided.get(it.itemId)!;
      const [row] = await tx
        .update(schema.disputeItems)
        .set({ outcome: d.outcome, answerAfter: d.outcome === 'accepted' ? changes[it.itemId] : null })
        .where(eq(schema.disputeItems.id, it.id))
        .returning();
      after.push(row!);
    }
    const before = { status: 'open' };
    await writeAudit(
      tx,
      ctx,
      {
        action: 'dispute.resolve',
        objectType: 'dispute',
        objectId: dispute.id,
        before,
        after: {
          status,
          reason: data.reason,
          resultingRevision,
          items: data.items.map((d) => ({ itemId: d.itemId, outcome: d.outcome, answer: changes[d.itemId] ?? null }))
        }
      },
      now
    );
    return disputeDto(resolved, after, defs, now);
  });
}
