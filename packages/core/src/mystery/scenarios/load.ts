import { and, asc, eq, inArray } from 'drizzle-orm';
import { schema, type DbOrTx } from '@attentive/db';
import type { Principal } from '../../policy/principal.ts';
import { canReadProgramScenarios } from '../../policy/mystery.ts';
import { notFound } from '../../errors.ts';
import { scenarioDto, versionDto, type ScenarioRow, type VersionWithScorecard } from './dto.ts';

/**
 * A scenario the principal may read, with its program. Foreign and unreadable ids are the same NOT_FOUND,
 * so ids cannot be probed.
 */
export async function loadReadableScenario(tx: DbOrTx, p: Principal, scenarioId: number) {
  const [row] = await tx
    .select({ scenario: schema.mysteryScenarios, programName: schema.programs.name, clientId: schema.programs.clientId })
    .from(schema.mysteryScenarios)
    .innerJoin(schema.programs, eq(schema.programs.id, schema.mysteryScenarios.programId))
    .where(and(eq(schema.mysteryScenarios.id, scenarioId), eq(schema.mysteryScenarios.tenantId, p.tenantId)))
    .limit(1);
  if (!row || !canReadProgramScenarios(p, { tenantId: row.scenario.tenantId, clientId: row.clientId }))
    throw notFound(`Scenario ${scenarioId}`);
  return row;
}

/** The versions of these scenarios (oldest first), each with the name of its scorecard. */
export async function versionsOf(tx: DbOrTx, scenarioIds: number[]): Promise<VersionWithScorecard[]> {
  if (!scenarioIds.length) return [];
  const v = schema.mysteryScenarioVersions;
  const rows = await tx
    .select({ version: v, scorecardName: schema.scorecards.name })
    .from(v)
    .innerJoin(schema.scorecards, eq(schema.scorecards.id, v.scorecardId))
    .where(inArray(v.scenarioId, scenarioIds))
    .orderBy(asc(v.scenarioId), asc(v.version));
  return rows.map((r) => ({ ...r.version, scorecardName: r.scorecardName }));
}

/** A loaded scenario with its versions, as the API answers it (`versions` oldest first). */
export async function scenarioDetail(tx: DbOrTx, row: { scenario: ScenarioRow; programName: string; clientId: number }) {
  const versions = await versionsOf(tx, [row.scenario.id]);
  return { scenario: scenarioDto(row, versions), versions: versions.map(versionDto) };
}
