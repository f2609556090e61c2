import { and, desc, eq, isNull } from 'drizzle-orm';
import { schema, type DbOrTx } from '@attentive/db';
import type { AnswerValue, ScorecardDefinition } from '@attentive/shared/scorecard';
import { DomainError, notFound } from '../errors.ts';
import { computeScore, type ScoreResult } from '../scoring/compute-score.ts';
import { validateAnswers } from '../scoring/validate-answers.ts';

/** Answers as the evaluation verbs take and store them: item id → value (null: not answered yet). */
export type AnswerMap = Record<string, AnswerValue | null>;

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

/** Validates answers against the version (naming each bad item) and scores them with computeScore. */
export function scoreAnswers(definition: ScorecardDefinition, answers: AnswerMap, opts: { requireComplete: boolean }) {
  validateAnswers(definition, answers, { requireComplete: opts.requireComplete });
  const result = computeScore(definition, answers);
  return { result, cached: cachedOf(result) };
}

export function cachedOf(result: ScoreResult): CachedScore {
  return {
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
}

/** Drops unanswered (null) entries so stored answers only hold what was answered. */
export const compactAnswers = (a: AnswerMap): Record<string, AnswerValue> =>
  Object.fromEntries(Object.entries(a).filter(([, v]) => v != null)) as Record<string, AnswerValue>;

export async function loadScorecardVersion(tx: DbOrTx, tenantId: number, versionId: number) {
  const [v] = await tx
    .select()
    .from(schema.scorecardVersions)
    .where(and(eq(schema.scorecardVersions.id, versionId), eq(schema.scorecardVersions.tenantId, tenantId)))
    .limit(1);
  if (!v) throw notFound(`Scorecard version ${versionId}`);
  return v;
}

/**
 * The version a new evaluation of a program is scored on: the latest published version of the program's
 * own scorecard, else of the tenant's shared default.
 */
export async function currentScorecardVersion(tx: DbOrTx, tenantId: number, programId: number) {
  for (const programCond of [eq(schema.scorecards.programId, programId), isNull(schema.scorecards.programId)]) {
    const [row] = await tx
      .select({ version: schema.scorecardVersions, scorecardName: schema.scorecards.name })
      .from(schema.scorecardVersions)
      .innerJoin(schema.scorecards, eq(schema.scorecards.id, schema.scorecardVersions.scorecardId))
      .where(and(eq(schema.scorecards.tenantId, tenantId), programCond, eq(schema.scorecardVersions.status, 'published')))
      .orderBy(desc(schema.scorecardVersions.version))
      .limit(1);
    if (row) return row;
  }
  throw new DomainError('PRECONDITION_FAILED', `Program ${programId} has no published scorecard yet: publish one before evaluating`);
}
