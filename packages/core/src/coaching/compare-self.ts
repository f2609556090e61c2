import type { ScorecardDefinition } from '@attentive/shared/scorecard';
import { answerFraction } from '../scoring/compute-score.ts';

export type ComparisonRow = {
  itemId: string;
  text: string;
  sectionTitle: string;
  dimension: string;
  self: string | number | null;
  lead: string | number | null;
  /** Share of the item's points (0–100) each gave; null for N.A. or unanswered. */
  selfPoints: number | null;
  leadPoints: number | null;
  /** selfPoints − leadPoints: positive when the agent rated itself higher. Null when either is missing. */
  gap: number | null;
};

/**
 * Side by side: the agent's self-evaluation and the lead's evaluation of the same call, item by item on
 * the self-evaluation's scorecard version, with the gap per item and a summary. Pure.
 */
export function compareSelfWithLead(
  definition: ScorecardDefinition,
  selfAnswers: Record<string, unknown>,
  leadAnswers: Record<string, unknown>
) {
  const rows: ComparisonRow[] = definition.sections.flatMap((s) =>
    s.items.map((item) => {
      const self = (selfAnswers[item.id] ?? null) as string | number | null;
      const lead = (leadAnswers[item.id] ?? null) as string | number | null;
      const sp = answerFraction(item, self);
      const lp = answerFraction(item, lead);
      const selfPoints = sp == null ? null : sp * 100;
      const leadPoints = lp == null ? null : lp * 100;
      return {
        itemId: item.id,
        text: item.text,
        sectionTitle: s.title,
        dimension: item.dimension,
        self,
        lead,
        selfPoints,
        leadPoints,
        gap: selfPoints != null && leadPoints != null ? selfPoints - leadPoints : null
      };
    })
  );
  const both = rows.filter((r) => r.gap != null);
  const same = rows.filter((r) => r.self != null && r.self === r.lead).length;
  return {
    rows,
    summary: {
      items: rows.length,
      compared: both.length,
      sameAnswer: same,
      /** Mean of |gap| over items both scored (0–100); null when none. */
      meanAbsGap: both.length ? both.reduce((s, r) => s + Math.abs(r.gap!), 0) / both.length : null,
      /** Items where the agent rated itself higher / lower than the lead. */
      selfHigher: both.filter((r) => r.gap! > 0).length,
      selfLower: both.filter((r) => r.gap! < 0).length
    }
  };
}
