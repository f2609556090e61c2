import { and, asc, eq, gte, inArray, isNotNull, lt } from 'drizzle-orm';
import { schema, type DbOrTx } from '@attentive/db';
import { COUNTING_KINDS } from '../../evaluations/kinds.ts';
import { customPeriod } from '../../sampling/period.ts';

export type RescorePopulationScope = { tenantId: number; clientId: number; programId: number | null; fromDay: string; toDay: string };

/** The programs a re-score draws from: the one named, or every program of the client. */
export async function rescorePrograms(db: DbOrTx, s: Pick<RescorePopulationScope, 'tenantId' | 'clientId' | 'programId'>) {
  const rows = await db
    .select({ id: schema.programs.id })
    .from(schema.programs)
    .where(
      and(
        eq(schema.programs.tenantId, s.tenantId),
        eq(schema.programs.clientId, s.clientId),
        s.programId != null ? eq(schema.programs.id, s.programId) : undefined
      )
    );
  return rows.map((r) => r.id);
}

/**
 * The population of a re-score: the submitted evaluations of counting kinds with a call, of the programs, submitted
 * on the local days fromDay…toDay (the contact center's clock), sorted by id. Each with its call (one counting
 * evaluation per call, so a call is drawn at most once).
 */
export async function loadRescorePopulation(db: DbOrTx, s: RescorePopulationScope, timeZone: string) {
  const period = customPeriod(s.fromDay, s.toDay, timeZone);
  const programIds = await rescorePrograms(db, s);
  if (!programIds.length) return [];
  const e = schema.evaluations;
  return db
    .select({ evaluationId: e.id, callId: e.callId })
    .from(e)
    .where(
      and(
        eq(e.tenantId, s.tenantId),
        inArray(e.programId, programIds),
        eq(e.status, 'submitted'),
        inArray(e.kind, COUNTING_KINDS),
        isNotNull(e.callId),
        gte(e.submittedAt, period.start),
        lt(e.submittedAt, period.end)
      )
    )
    .orderBy(asc(e.id)) as Promise<{ evaluationId: number; callId: number }[]>;
}
