import type { ItemScore, ScoreResult } from '@attentive/shared/scorecard';

/** One item's result as the API computes it (core's computeScore: `score.sections[].items[]`, the shared schema). */
export type ItemResult = ItemScore;

/** The API's own result for one item (never recomputed here); null when the score has no such item. */
export function itemResult(score: Pick<ScoreResult, 'sections'> | null | undefined, itemId: string): ItemResult | null {
  for (const s of score?.sections ?? []) for (const it of s.items) if (it.id === itemId) return it;
  return null;
}

/** How an answer looks: full marks, nothing (or a critical failure), partial, or neutral (N.A., unanswered). */
export function itemTone(r: Pick<ItemResult, 'fraction' | 'criticalFail'> | null): 'pass' | 'fail' | 'part' | null {
  if (!r) return null;
  if (r.criticalFail || r.fraction === 0) return 'fail';
  if (r.fraction == null) return null;
  return r.fraction >= 1 ? 'pass' : 'part';
}
