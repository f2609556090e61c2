import type { AnswerValue, ScorecardDefinition } from '@attentive/shared/scorecard';

/**
 * Synthetic answer sets on a scorecard, for the scoring benchmarks. Each agent has a propensity per
 * dimension (the friendly-but-not-oriented script reader is common); an item is answered well with that
 * chance, N.A. one time in ten where allowed. A good scale answer is the maximum, or with `nearMax` the
 * maximum or one below. `rnd` is the bench's seeded source, so the same seed gives the same data.
 */
export function answerSetsOf(def: ScorecardDefinition, agents: number, rnd: () => number, opts: { nearMax?: boolean } = {}) {
  const propensity = Array.from({ length: agents }, () => ({
    customer_friendly: 0.6 + 0.4 * rnd(),
    customer_oriented: 0.2 + 0.7 * rnd(),
    compliance: 0.97 + 0.03 * rnd()
  }));
  return (agent: number): Record<string, AnswerValue> => {
    const p = propensity[agent]!;
    const out: Record<string, AnswerValue> = {};
    for (const s of def.sections)
      for (const it of s.items) {
        if (it.naAllowed && rnd() < 0.1) {
          out[it.id] = 'na';
          continue;
        }
        const good = rnd() < p[it.dimension];
        const a = it.answer;
        if (a.type === 'yes_no') out[it.id] = good ? 'yes' : 'no';
        else if (a.type === 'scale')
          out[it.id] = good ? a.max - (opts.nearMax ? Math.floor(rnd() * 2) : 0) : a.min + Math.floor(rnd() * (a.max - a.min));
        else {
          const sorted = [...a.options].sort((x, y) => y.points - x.points);
          out[it.id] = (good ? sorted[0] : sorted[1 + Math.floor(rnd() * (sorted.length - 1))])!.key;
        }
      }
    return out;
  };
}
