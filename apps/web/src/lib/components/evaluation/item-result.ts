/** One item's result as the API computes it (core's computeScore: `score.sections[].items[]`). */
export type ItemResult = { id: string; fraction: number | null; na?: boolean; criticalFail?: boolean };

/** The API's own result for one item; null when the score carries no per-item results. */
export function itemResult(score: { sections: readonly object[] } | null | undefined, itemId: string): ItemResult | null {
  for (const s of score?.sections ?? []) {
    const items = 'items' in s && Array.isArray(s.items) ? (s.items as ItemResult[]) : [];
    for (const it of items) if (it.id === itemId) return it;
  }
  return null;
}

/** How an answer looks: full marks, nothing (or a critical failure), partial, or neutral (N.A., unanswered). */
export function itemTone(r: Pick<ItemResult, 'fraction' | 'criticalFail'> | null): 'pass' | 'fail' | 'part' | null {
  if (!r) return null;
  if (r.criticalFail || r.fraction === 0) return 'fail';
  if (r.fraction == null) return null;
  return r.fraction >= 1 ? 'pass' : 'part';
}
