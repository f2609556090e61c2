import { ranker } from '../../sampling/rank.ts';

/**
 * The re-score draw, pure: rank every evaluation id of the population by sampling's HMAC ranker
 * (HMAC-SHA256(key = seed bytes, message = evaluation id in decimal), hex) and take the `drawnCount` lowest.
 * Anyone with the population and the seed can redo it (docs/client-audit.md has the recipe).
 */

/** How many of `n` a share of `basisPoints` (500 = 5%) draws: ceil(share × n), at least 1 when n > 0. Whole numbers only. */
export function drawnCount(n: number, basisPoints: number): number {
  if (n <= 0) return 0;
  return Math.max(1, Math.ceil((n * basisPoints) / 10_000));
}

export type RankedEvaluation = { evaluationId: number; rank: string };

/** Every id with its rank, lowest rank first (ties, which HMAC makes practically impossible, by id). */
export function rankPopulation(ids: readonly number[], seed: string): RankedEvaluation[] {
  const r = ranker(seed);
  return ids
    .map((evaluationId) => ({ evaluationId, rank: r.hex(evaluationId) }))
    .sort((a, b) => (a.rank < b.rank ? -1 : a.rank > b.rank ? 1 : a.evaluationId - b.evaluationId));
}

/** The draw: the ranked population and the first `drawnCount` of it. */
export function drawRescore(ids: readonly number[], seed: string, basisPoints: number) {
  const ranked = rankPopulation(ids, seed);
  return { ranked, drawn: ranked.slice(0, drawnCount(ids.length, basisPoints)) };
}
