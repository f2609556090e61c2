import type { ScorecardDefinition } from '@attentive/shared/scorecard';
import { computeScore, type AnswerSet, type ScoreResult } from '../scoring/compute-score.ts';

/** The columns cached on the evaluation row from THE scoring formula, for fast aggregates. */
export type CachedScore = {
  overallScore: number | null;
  dimensionScores: Record<string, number | null>;
  friendlyScore: number | null;
  orientedScore: number | null;
  complianceScore: number | null;
  failed: boolean;
  criticalFlags: string[];
};

/** The score columns of an evaluation_revisions row. */
export type RevisionScore = { result: ScoreResult; overallScore: number | null; failed: boolean };

/**
 * THE writer of every cached score. Pure, no validation (scoreAnswers validates first). Submit, revise,
 * dispute resolution, drafts, self-evaluations, re-score, the demo seeder and `pnpm scores:verify` all go
 * through here, so a cached column can only ever hold what computeScore says about the stored answers.
 */
export function cachedScoreOf(
  definition: ScorecardDefinition,
  answers: AnswerSet
): { result: ScoreResult; cached: CachedScore; revision: RevisionScore } {
  const result = computeScore(definition, answers);
  const cached: CachedScore = {
    overallScore: result.score,
    dimensionScores: Object.fromEntries(Object.entries(result.dimensions).map(([d, t]) => [d, t.score])),
    friendlyScore: result.dimensions.customer_friendly.score,
    orientedScore: result.dimensions.customer_oriented.score,
    complianceScore: result.dimensions.compliance.score,
    failed: result.failed,
    criticalFlags: Object.entries(result.criticalErrors)
      .filter(([, v]) => v)
      .map(([k]) => k)
  };
  return { result, cached, revision: { result, overallScore: result.score, failed: result.failed } };
}

/** The cache columns as read back from a row (JSON already parsed). */
export type StoredScore = {
  overallScore: number | null;
  dimensionScores: Record<string, number | null> | null;
  friendlyScore: number | null;
  orientedScore: number | null;
  complianceScore: number | null;
  failed: boolean;
  criticalFlags: string[] | null;
};

/** The first cache column (by its SQL name) that is not what the formula gives, or null when all match. */
export function cachedScoreDiff(stored: StoredScore, expected: CachedScore): { column: string; stored: unknown; expected: unknown } | null {
  const same = (a: number | null | undefined, b: number | null) =>
    a == null || b == null ? a == null && b == null : Math.abs(a - b) < 1e-9;
  const scalar = [
    ['overall_score', stored.overallScore, expected.overallScore],
    ['friendly_score', stored.friendlyScore, expected.friendlyScore],
    ['oriented_score', stored.orientedScore, expected.orientedScore],
    ['compliance_score', stored.complianceScore, expected.complianceScore]
  ] as const;
  for (const [column, s, e] of scalar) if (!same(s, e)) return { column, stored: s, expected: e };
  const dims = stored.dimensionScores;
  const keys = new Set([...Object.keys(dims ?? {}), ...Object.keys(expected.dimensionScores)]);
  if (dims == null || [...keys].some((k) => !(k in dims) || !same(dims[k], expected.dimensionScores[k] ?? null)))
    return { column: 'dimension_scores', stored: dims, expected: expected.dimensionScores };
  if (stored.failed !== expected.failed) return { column: 'failed', stored: stored.failed, expected: expected.failed };
  const flags = (f: string[] | null) => JSON.stringify([...(f ?? [])].sort());
  if (flags(stored.criticalFlags) !== flags(expected.criticalFlags))
    return { column: 'critical_flags', stored: stored.criticalFlags, expected: expected.criticalFlags };
  return null;
}
