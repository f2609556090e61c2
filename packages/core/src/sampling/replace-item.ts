import { eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { plainText } from '@attentive/shared';
import { schema } from '@attentive/db';
import type { Ctx } from '../context.ts';
import { nowOf } from '../context.ts';
import { conflict, forbidden, notFound } from '../errors.ts';
import { findInTenant } from '../access/scoped.ts';
import { writeAudit } from '../audit/write-audit.ts';
import { canManageSampling, canReadSampleRun } from '../policy/sampling.ts';
import { nextReplacement } from './draw.ts';
import { loadPopulation, readSpanCallsOf } from './load-population.ts';
import { loadRun, parseInput, snapshotOf } from './shared.ts';

export const ReplaceItemInput = z.object({
  itemId: z.number().int().positive(),
  /** Why the call cannot be evaluated: no audio, wrong agent, the customer asked for deletion… */
  reason: plainText({ min: 3, minMessage: 'a reason is required (at least 3 characters)', max: 500, multiline: true })
});

/**
 * Replaces a sampled call that cannot be evaluated by the next-ranked eligible call of the same agent
 * (by the run's own seed and population), keeping the evaluator and due date. The replaced item stays,
 * marked with the reason; both changes and the reason go to the audit trail.
 */
export async function replaceSampleItem({ ctx, input }: { ctx: Ctx; input: z.input<typeof ReplaceItemInput> }) {
  const data = parseInput(ReplaceItemInput, input);
  const p = ctx.principal;
  return ctx.db.transaction(async (tx) => {
    const item = await findInTenant(tx, schema.sampleItems, p.tenantId, data.itemId, 'Sample item');
    const { run, clientId } = await loadRun(tx, p.tenantId, item.runId);
    if (!canReadSampleRun(p, { tenantId: run.tenantId, clientId })) throw notFound(`Sample item ${data.itemId}`);
    if (!canManageSampling(p)) throw forbidden('Only admins and QA analysts replace sampled calls');
    if (item.status === 'replaced') throw conflict('This call was already replaced');
    const [evaluated] = await tx.all<{ n: number }>(
      sql`select count(*) as n from evaluations where call_id = ${item.callId} and status = 'submitted'`
    );
    if (item.evaluationId != null || Number(evaluated?.n ?? 0) > 0)
      throw conflict('This call is already evaluated; it can no longer be replaced');

    const snap = snapshotOf(run.filterSnapshot);
    const pop = await loadPopulation(tx, {
      tenantId: p.tenantId,
      programId: run.programId,
      start: run.periodStart.getTime(),
      end: run.periodEnd.getTime(),
      def: snap.definition,
      excluded: new Set(snap.excludedCallIds),
      agentId: item.agentId,
      spanCalls: readSpanCallsOf(ctx.db)
    });
    const used = new Set(
      (await tx.select({ callId: schema.sampleItems.callId }).from(schema.sampleItems).where(eq(schema.sampleItems.runId, run.id))).map(
        (r) => r.callId
      )
    );
    const next = nextReplacement(run.seed, pop.ids, used);
    const now = nowOf(ctx);
    let replacementId: number | null = null;
    if (next) {
      const [rep] = await tx
        .insert(schema.sampleItems)
        .values({
          tenantId: p.tenantId,
          runId: run.id,
          callId: next.callId,
          agentId: item.agentId,
          rank: next.rank,
          stratum: 'replacement',
          status: 'replacement',
          assignedTo: item.assignedTo,
          assignedAt: item.assignedTo == null ? null : now,
          dueAt: item.dueAt,
          createdAt: now
        })
        .returning({ id: schema.sampleItems.id });
      replacementId = rep!.id;
    }
    await tx
      .update(schema.sampleItems)
      .set({ status: 'replaced', reason: data.reason, replacedBy: replacementId, replacedAt: now })
      .where(eq(schema.sampleItems.id, item.id));
    const before = { status: item.status, callId: item.callId };
    const after = {
      status: 'replaced',
      reason: data.reason,
      replacementItemId: replacementId,
      replacementCallId: next?.callId ?? null,
      runId: run.id
    };
    await writeAudit(tx, ctx, { action: 'sample_item.replace', objectType: 'sample_item', objectId: item.id, before, after }, now);
    return {
      itemId: item.id,
      reason: data.reason,
      replacement: next ? { itemId: replacementId!, callId: next.callId, rank: next.rank } : null
    };
  });
}
