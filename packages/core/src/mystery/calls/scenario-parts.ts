import { and, desc, eq, type SQL } from 'drizzle-orm';
import { schema, type DbOrTx } from '@attentive/db';
import type { Principal } from '../../policy/principal.ts';
import { canManageMystery } from '../../policy/mystery.ts';

type VersionRow = typeof schema.mysteryScenarioVersions.$inferSelect;

/** What the shopper reads before calling: the scenario version the assignment was made with. */
export const scenarioCard = (v: VersionRow) => ({
  versionId: v.id,
  version: v.version,
  title: v.title,
  story: v.story,
  question: v.question,
  rightAnswer: v.rightAnswer,
  orientedOpportunity: v.orientedOpportunity,
  difficulty: v.difficulty
});

/** The scorecard version a mystery call is scored on: the latest published version of the scenario's scorecard. */
export const mysteryScorecardVersion = (db: DbOrTx, tenantId: number, scorecardId: number) =>
  oneVersion(
    db,
    and(eq(schema.scorecards.tenantId, tenantId), eq(schema.scorecards.id, scorecardId), eq(schema.scorecardVersions.status, 'published'))
  );

/** The scorecard version an existing evaluation was scored on (frozen). */
export const scorecardOfVersion = (db: DbOrTx, versionId: number) => oneVersion(db, eq(schema.scorecardVersions.id, versionId));

async function oneVersion(db: DbOrTx, where: SQL | undefined) {
  const [row] = await db
    .select({ version: schema.scorecardVersions, name: schema.scorecards.name })
    .from(schema.scorecardVersions)
    .innerJoin(schema.scorecards, eq(schema.scorecards.id, schema.scorecardVersions.scorecardId))
    .where(where)
    .orderBy(desc(schema.scorecardVersions.version))
    .limit(1);
  return row ? { versionId: row.version.id, version: row.version.version, name: row.name, definition: row.version.definition } : null;
}

/** A mystery call's scorecard answers; the score itself only for those who may read agents' scores (not the shopper). */
export async function scoresOf(db: DbOrTx, p: Principal, evaluationId: number | null) {
  if (evaluationId == null) return null;
  const [e] = await db.select().from(schema.evaluations).where(eq(schema.evaluations.id, evaluationId)).limit(1);
  if (!e) return null;
  const manager = canManageMystery(p);
  return {
    evaluationId: e.id,
    scorecardVersionId: e.scorecardVersionId,
    answers: e.answers as Record<string, string | number>,
    overallScore: manager ? e.overallScore : null,
    failed: manager ? e.failed : null
  };
}
