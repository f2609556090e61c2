import type { RescoreReading } from '@attentive/shared/client-rescores';
import type { ScorecardDefinition } from '@attentive/shared/scorecard';
import { answerFraction } from '../../scoring/compute-score.ts';
import { meanInterval, type Estimate } from '../../stats/intervals.ts';

/** One scored item of a re-score: the contact center's and the client's evaluation of the same call. */
export type RescorePair = {
  itemId: number;
  callId: number;
  definition: ScorecardDefinition;
  contactCenter: { answers: Record<string, unknown>; overall: number | null };
  client: { answers: Record<string, unknown>; overall: number | null };
};

/** In words: the interval above 0 → the contact center scores more leniently; below → more strictly; else noise. */
export function readingOf(d: Estimate): RescoreReading {
  if (d.low == null || d.high == null) return 'too_few';
  if (d.low > 0) return 'lenient';
  if (d.high < 0) return 'stricter';
  return 'noise';
}

/**
 * The paired comparison of a re-score, pure: per scorecard item (keyed by id across versions, like coaching's
 * itemEstimates; bonus items left out) the difference contact center − client in points of the item (0–100)
 * over the pairs where both answered it (N.A. is no answer), and overall the difference of the overall scores;
 * each a mean with its t interval and n (stats/intervals.ts). Only scored items are passed in.
 */
export function compareRescore(pairs: RescorePair[]) {
  const perItem = new Map<string, { text: string; sectionTitle: string; dimension: string; diffs: number[] }>();
  for (const pair of pairs)
    for (const s of pair.definition.sections)
      for (const item of s.items) {
        if (item.bonus) continue;
        const slot = perItem.get(item.id) ?? { text: item.text, sectionTitle: s.title, dimension: item.dimension, diffs: [] };
        perItem.set(item.id, slot);
        const cc = answerFraction(item, pair.contactCenter.answers[item.id] as never);
        const cl = answerFraction(item, pair.client.answers[item.id] as never);
        if (cc != null && cl != null) slot.diffs.push((cc - cl) * 100);
      }
  const rows = pairs.map((p) => ({
    itemId: p.itemId,
    callId: p.callId,
    contactCenter: p.contactCenter.overall,
    client: p.client.overall,
    difference: p.contactCenter.overall != null && p.client.overall != null ? p.contactCenter.overall - p.client.overall : null
  }));
  const overall = meanInterval(
    rows.map((r) => r.difference),
    { bounds: [-100, 100] }
  );
  return {
    overall: { difference: overall, reading: readingOf(overall) },
    items: [...perItem.entries()].map(([itemId, v]) => {
      const difference = meanInterval(v.diffs, { bounds: [-100, 100] });
      return { itemId, text: v.text, sectionTitle: v.sectionTitle, dimension: v.dimension, difference, reading: readingOf(difference) };
    }),
    pairs: rows
  };
}
