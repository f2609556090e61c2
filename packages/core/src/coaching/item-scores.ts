import type { ScorecardDefinition, ScorecardItem } from '@attentive/shared/scorecard';
import { answerFraction } from '../scoring/compute-score.ts';
import { meanInterval, type Estimate } from '../stats/intervals.ts';

/** Every item of a definition by id, with its section. */
export function itemsById(definition: ScorecardDefinition): Map<string, ScorecardItem & { sectionId: string; sectionTitle: string }> {
  return new Map(definition.sections.flatMap((s) => s.items.map((i) => [i.id, { ...i, sectionId: s.id, sectionTitle: s.title }] as const)));
}

export type ScoredEvaluation = { answers: Record<string, unknown>; definition: ScorecardDefinition };

/**
 * Per item: the share of the item's points earned (0–100) in each evaluation that answered it (N.A. and
 * bonus items left out), as an estimate with n and a 95% interval from the stats module. THE per-item
 * measure of coaching (strengths, weak items, follow-up progress). Items are keyed by id across versions.
 */
export function itemEstimates(evals: ScoredEvaluation[], only?: ReadonlySet<string>) {
  const values = new Map<string, { item: ScorecardItem; values: number[] }>();
  for (const e of evals) {
    for (const s of e.definition.sections) {
      for (const item of s.items) {
        if (item.bonus || (only && !only.has(item.id))) continue;
        const f = answerFraction(item, e.answers[item.id] as never);
        if (f == null) continue;
        const slot = values.get(item.id) ?? { item, values: [] };
        slot.item = item; // the latest definition's wording wins (evals come oldest first)
        slot.values.push(f * 100);
        values.set(item.id, slot);
      }
    }
  }
  return [...values.entries()].map(([itemId, v]) => ({
    itemId,
    text: v.item.text,
    dimension: v.item.dimension,
    critical: v.item.critical != null,
    estimate: meanInterval(v.values, { bounds: [0, 100] }) as Estimate
  }));
}
