import type { schema } from '@attentive/db';

export type ScenarioRow = typeof schema.mysteryScenarios.$inferSelect;
export type VersionWithScorecard = typeof schema.mysteryScenarioVersions.$inferSelect & { scorecardName: string };

/** What clients see of one version of a scenario. */
export const versionDto = (v: VersionWithScorecard) => ({
  id: v.id,
  version: v.version,
  title: v.title,
  story: v.story,
  question: v.question,
  rightAnswer: v.rightAnswer,
  orientedOpportunity: v.orientedOpportunity,
  difficulty: v.difficulty,
  scorecardId: v.scorecardId,
  scorecardName: v.scorecardName,
  note: v.note,
  createdAt: v.createdAt.toISOString(),
  createdBy: v.createdBy
});

/** A scenario with its current version: the latest of `versions` (its own, oldest first; every scenario has one). */
export function scenarioDto(row: { scenario: ScenarioRow; programName: string; clientId: number }, versions: VersionWithScorecard[]) {
  const s = row.scenario;
  const mine = versions.filter((v) => v.scenarioId === s.id);
  return {
    id: s.id,
    programId: s.programId,
    programName: row.programName,
    clientId: row.clientId,
    createdAt: s.createdAt.toISOString(),
    createdBy: s.createdBy,
    retiredAt: s.retiredAt?.toISOString() ?? null,
    retiredBy: s.retiredBy ?? null,
    versionCount: mine.length,
    current: versionDto(mine[mine.length - 1]!)
  };
}
