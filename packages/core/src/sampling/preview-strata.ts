import { allocate } from './draw.ts';

/**
 * How many calls of a group of agents each proportional stratum would get: each agent's quota split
 * over its strata by the draw's own largest-remainder rule (draw.ts `allocate`). Ties between equal
 * remainders go to the better-ranked call in the draw; the preview has no ranks, so a total may differ
 * from the run's by at most one call per agent with such a tie. Pure.
 */
export function plannedPerStratum(agents: { quota: number; strata: ReadonlyMap<string, number> }[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const a of agents) {
    const strata = [...a.strata].map(([key, count]) => ({ key, count, best: 0 }));
    const total = strata.reduce((s, x) => s + x.count, 0);
    const taken = a.quota >= total ? new Map(strata.map((s) => [s.key, s.count])) : allocate(a.quota, total, strata, () => 0);
    for (const [key, n] of taken) out.set(key, (out.get(key) ?? 0) + n);
  }
  return out;
}
