import { and, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import { plainText } from '@attentive/shared';
import { schema } from '@attentive/db';
import { AnswerValue } from '@attentive/shared/scorecard';
import type { Ctx } from '../context.ts';
import { nowOf } from '../context.ts';
import { DomainError, conflict, forbidden, invalid } from '../errors.ts';
import { writeAudit } from '../audit/write-audit.ts';
import { isAgentSelf } from '../policy/coaching.ts';
import { validateAnswers } from '../scoring/validate-answers.ts';
import { Id, parseInput } from '../evaluations/inputs.ts';
import { loadScorecardVersion } from '../evaluations/score.ts';
import { disputeWindowStart, disputeWindow } from './dispute-window.ts';
import { itemsById } from './item-scores.ts';
import { loadEvaluationForCoaching } from './scope.ts';
import { disputeDto } from './dispute-dto.ts';
import { isDisputable } from '../evaluations/kinds.ts';

export const OpenDisputeInput = z.object({
  evaluationId: Id,
  /** The revision the agent read; if the evaluation changed since, 409. */
  revision: z.number().int().min(1).optional(),
  items: z
    .array(
      z.object({
        itemId: z.string().min(1).max(64),
        reason: plainText({ min: 3, minMessage: 'say why you disagree (at least 3 characters)', max: 2000, multiline: true }),
        /** The answer the agent thinks is right (optional). */
        proposedAnswer: AnswerValue.optional()
      })
    )
    .min(1, 'dispute at least one item')
    .max(100)
});

/**
 * The agent disputes single items of one of its submitted evaluations, each with a reason, within the
 * program's dispute window. Each item of an evaluation can be disputed once (whatever the outcome).
 */
export async function openDispute({ ctx, input }: { ctx: Ctx; input: z.input<typeof OpenDisputeInput> }) {
  const data = parseInput(OpenDisputeInput, input);
  const p = ctx.principal;
  const now = nowOf(ctx);
  return ctx.db.transaction(async (tx) => {
    const { evaluation, agentScope } = await loadEvaluationForCoaching(tx, p, data.evaluationId);
    if (!isAgentSelf(p, agentScope)) throw forbidden('Only the evaluated agent may dispute an evaluation');
    if (!isDisputable(evaluation.kind)) throw conflict(`A ${evaluation.kind} evaluation cannot be disputed`);
    if (data.revision != null && data.revision !== evaluation.revision)
      throw conflict(
        `This evaluation changed since you read it (you read revision ${data.revision}, it is now ${evaluation.revision}); reload it`
      );
    const [program] = await tx.select().from(schema.programs).where(eq(schema.programs.id, evaluation.programId)).limit(1);
    const window = disputeWindow(await disputeWindowStart(tx, evaluation), program!.disputeWindowDays, now);
    if (!window.open)
      throw new DomainError(
        'CONFLICT',
        `The dispute window of ${window.days} day${window.days === 1 ? '' : 's'} for this evaluation closed on ${window.closesAt?.slice(0, 10)}`
      );
    const version = await loadScorecardVersion(tx, p.tenantId, evaluation.scorecardVersionId);
    const items = itemsById(version.definition);
    const seen = new Set<string>();
    const details: { path: string; message: string }[] = [];
    data.items.forEach((it, i) => {
      if (!items.has(it.itemId))
        details.push({ path: `items.${i}.itemId`, message: `item "${it.itemId}" is not on this evaluation's scorecard` });
      else if (seen.has(it.itemId)) details.push({ path: `items.${i}.itemId`, message: `item "${it.itemId}" is listed twice` });
      seen.add(it.itemId);
      if (items.has(it.itemId) && it.proposedAnswer !== undefined) {
        try {
          validateAnswers(version.definition, { [it.itemId]: it.proposedAnswer }, { requireComplete: false });
        } catch (e) {
          details.push({ path: `items.${i}.proposedAnswer`, message: e instanceof Error ? e.message : String(e) });
        }
      }
    });
    if (details.length) throw invalid(`Cannot dispute: ${details.map((d) => d.message).join('; ')}`, details);
    const di = schema.disputeItems;
    const taken = await tx
      .select({ itemId: di.itemId, disputeId: di.disputeId })
      .from(di)
      .where(and(eq(di.evaluationId, evaluation.id), inArray(di.itemId, [...seen])));
    if (taken.length)
      throw conflict(
        `Already disputed on this evaluation: ${taken.map((t) => `item "${t.itemId}" (dispute ${t.disputeId})`).join(', ')}; an item can be disputed once`
      );
    const answers = evaluation.answers as Record<string, string | number>;
    const [dispute] = await tx
      .insert(schema.disputes)
      .values({
        tenantId: p.tenantId,
        evaluationId: evaluation.id,
        agentId: evaluation.agentId,
        revision: evaluation.revision,
        status: 'open',
        openedAt: now
      })
      .returning();
    const itemRows = await tx
      .insert(di)
      .values(
        data.items.map((it) => ({
          tenantId: p.tenantId,
          disputeId: dispute!.id,
          evaluationId: evaluation.id,
          itemId: it.itemId,
          reason: it.reason,
          answerBefore: answers[it.itemId] ?? null,
          proposedAnswer: it.proposedAnswer ?? null
        }))
      )
      .returning();
    const after = { evaluationId: evaluation.id, revision: evaluation.revision, items: data.items };
    await writeAudit(tx, ctx, { action: 'dispute.open', objectType: 'dispute', objectId: dispute!.id, after }, now);
    return disputeDto(dispute!, itemRows, items, now);
  });
}
