import { ranker } from '../sampling/rank.ts';

/**
 * The random draw of a session's calls: sampling's ranker (rank = HMAC-SHA256(seed, call id)), lowest ranks
 * first. Depends only on the seed and the set of candidates — never on the order they came in — so anyone
 * holding the stored seed and period can draw the same calls again. Fewer candidates than asked: all of them.
 */
export function drawCalibrationCalls(candidateIds: readonly number[], seed: string, count: number): number[] {
  const r = ranker(seed);
  return [...new Set(candidateIds)]
    .map((id) => ({ id, rank: r.hex(id) }))
    .sort((a, b) => (a.rank < b.rank ? -1 : a.rank > b.rank ? 1 : a.id - b.id))
    .slice(0, Math.max(0, count))
    .map((c) => c.id);
}
