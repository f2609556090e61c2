import { and, desc, eq } from 'drizzle-orm';
import { schema, type DbOrTx } from '@attentive/db';
import type { Principal } from '../policy/principal.ts';
import { hasRole } from '../policy/principal.ts';
import { canReadScorecard, type ScorecardScope } from '../policy/scorecards.ts';
import { notFound } from '../errors.ts';

export type ScorecardRow = typeof schema.scorecards.$inferSelect;
export type ScorecardVersionRow = typeof schema.scorecardVersions.$inferSelect;

/** The programs an agent takes calls for: what "their program" means for scorecard access. */
export async function agentProgramIds(tx: DbOrTx, p: Principal): Promise<number[]> {
  if (p.kind === 'token' || !hasRole(p, 'agent') || p.personId == null) return [];
  const rows = await tx
    .selectDistinct({ programId: schema.calls.programId })
    .from(schema.calls)
    .where(and(eq(schema.calls.tenantId, p.tenantId), eq(schema.calls.agentId, p.personId)));
  return rows.map((r) => r.programId);
}

/**
 * A scorecard of the principal's tenant that the principal may read, with its scope. Foreign and
 * unreadable ids are the same NOT_FOUND, so ids cannot be probed.
 */
export async function loadReadableScorecard(tx: DbOrTx, p: Principal, scorecardId: number) {
  const [row] = await tx
    .select({ scorecard: schema.scorecards, clientId: schema.programs.clientId, programName: schema.programs.name })
    .from(schema.scorecards)
    .leftJoin(schema.programs, eq(schema.programs.id, schema.scorecards.programId))
    .where(and(eq(schema.scorecards.id, scorecardId), eq(schema.scorecards.tenantId, p.tenantId)))
    .limit(1);
  if (!row) throw notFound(`Scorecard ${scorecardId}`);
  const scope: ScorecardScope = { tenantId: row.scorecard.tenantId, programId: row.scorecard.programId, clientId: row.clientId };
  if (!canReadScorecard(p, scope, await agentProgramIds(tx, p))) throw notFound(`Scorecard ${scorecardId}`);
  return { scorecard: row.scorecard, programName: row.programName, scope };
}

export async function latestVersion(tx: DbOrTx, scorecardId: number): Promise<ScorecardVersionRow | undefined> {
  const [v] = await tx
    .select()
    .from(schema.scorecardVersions)
    .where(eq(schema.scorecardVersions.scorecardId, scorecardId))
    .orderBy(desc(schema.scorecardVersions.version))
    .limit(1);
  return v;
}

export async function draftOf(tx: DbOrTx, scorecardId: number): Promise<ScorecardVersionRow | undefined> {
  const [v] = await tx
    .select()
    .from(schema.scorecardVersions)
    .where(and(eq(schema.scorecardVersions.scorecardId, scorecardId), eq(schema.scorecardVersions.status, 'draft')))
    .limit(1);
  return v;
}
