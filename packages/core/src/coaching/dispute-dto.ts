import type { schema } from '@attentive/db';
import type { itemsById } from './item-scores.ts';

type DisputeRow = typeof schema.disputes.$inferSelect;
type DisputeItemRow = typeof schema.disputeItems.$inferSelect;

const DAY_MS = 86_400_000;

export function disputeDto(d: DisputeRow, items: DisputeItemRow[], defs: ReturnType<typeof itemsById> | null, now: Date) {
  const end = d.resolvedAt ?? now;
  return {
    id: d.id,
    evaluationId: d.evaluationId,
    agentId: d.agentId,
    revision: d.revision,
    status: d.status,
    openedAt: d.openedAt.toISOString(),
    /** Whole days open (until resolution, or until now). */
    ageDays: Math.floor((end.getTime() - d.openedAt.getTime()) / DAY_MS),
    resolvedAt: d.resolvedAt?.toISOString() ?? null,
    resolverLabel: d.resolverLabel,
    resolutionReason: d.resolutionReason,
    resultingRevision: d.resultingRevision,
    items: items.map((i) => ({
      itemId: i.itemId,
      text: defs?.get(i.itemId)?.text ?? i.itemId,
      reason: i.reason,
      answerBefore: i.answerBefore ?? null,
      proposedAnswer: i.proposedAnswer ?? null,
      outcome: i.outcome ?? null,
      answerAfter: i.answerAfter ?? null
    }))
  };
}

export type DisputeDto = ReturnType<typeof disputeDto>;
