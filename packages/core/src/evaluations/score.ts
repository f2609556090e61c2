import { and, desc, eq, isNull } from 'drizzle-orm';
import { schema, type DbOrTx } from '@attentive/db';
import type { AnswerValue, ScorecardDefinition } from '@attentive/shared/scorecard';
import { DomainError } from '../errors.ts';
import { findInTenant } from '../access/scoped.ts';
import { validateAnswers } from '../scoring/validate-answers.ts';
import { cachedScoreOf } from './cached-score.ts';

/** Answers as the evaluation verbs take and store them: item id → value (null: not answered yet). */
export type AnswerMap = Record<string, AnswerValue | null>;

export type { CachedScore } from './cached-score.ts';

/** Validates answers against the version (naming each bad item), then scores them through the one cache writer. */
export function scoreAnswers(definition: ScorecardDefinition, answers: AnswerMap, opts: { requireComplete: boolean }) {
  validateAnswers(definition, answers, { requireComplete: opts.requireComplete });
  return cachedScoreOf(definition, answers);
}

/** Drops unanswered (null) entries so stored answers only hold what was answered. */
export const compactAnswers = (a: AnswerMap): Record<string, AnswerValue> =>
  Object.fromEntries(Object.entries(a).filter(([, v]) => v != null)) as Record<string, AnswerValue>;

export async function loadScorecardVersion(tx: DbOrTx, tenantId: number, versionId: number) {
  const v = await findInTenant(tx, schema.scorecardVersions, tenantId, versionId, 'Scorecard version');
  return v;
}

/**
 * The version a new evaluation of a program is scored on: the latest published version of the program's
 * own scorecard for calls, else of the tenant's shared default. (A mystery call is scored on the scorecard
 * its scenario names: mystery/.)
 */
export async function currentScorecardVersion(tx: DbOrTx, tenantId: number, programId: number) {
  for (const programCond of [eq(schema.scorecards.programId, programId), isNull(schema.scorecards.programId)].map((c) =>
    and(c, eq(schema.scorecards.purpose, 'calls'))
  )) {
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
