import { and, asc, eq } from 'drizzle-orm';
import { schema, type DbOrTx } from '@attentive/db';
import type { RescoreSummary } from '@attentive/shared/client-rescores';
import { notFound } from '../../errors.ts';
import { canReadRescore } from '../../policy/client-audit.ts';
import type { Principal } from '../../policy/principal.ts';

export type RescoreRow = typeof schema.clientRescores.$inferSelect;
export type RescoreItem = typeof schema.clientRescoreItems.$inferSelect;

/** A re-score with its client's and program's names. */
export async function loadRescoreRow(db: DbOrTx, tenantId: number, rescoreId: number) {
  const [row] = await db
    .select({ rescore: schema.clientRescores, clientName: schema.clients.name, programName: schema.programs.name })
    .from(schema.clientRescores)
    .innerJoin(schema.clients, eq(schema.clients.id, schema.clientRescores.clientId))
    .leftJoin(schema.programs, eq(schema.programs.id, schema.clientRescores.programId))
    .where(and(eq(schema.clientRescores.id, rescoreId), eq(schema.clientRescores.tenantId, tenantId)));
  return row ?? null;
}

/** A re-score the principal may read (canReadRescore); missing, foreign or another client's: NOT_FOUND. */
export async function loadReadableRescore(db: DbOrTx, p: Principal, rescoreId: number) {
  const row = await loadRescoreRow(db, p.tenantId, rescoreId);
  if (!row || !canReadRescore(p, { tenantId: row.rescore.tenantId, clientId: row.rescore.clientId }))
    throw notFound(`Re-score ${rescoreId}`);
  return row;
}

/** The drawn items, lowest rank first (the order the client scores them in). */
export async function rescoreItems(db: DbOrTx, rescoreId: number): Promise<RescoreItem[]> {
  return db
    .select()
    .from(schema.clientRescoreItems)
    .where(eq(schema.clientRescoreItems.rescoreId, rescoreId))
    .orderBy(asc(schema.clientRescoreItems.rank), asc(schema.clientRescoreItems.id));
}

export function summaryOf(
  row: NonNullable<Awaited<ReturnType<typeof loadRescoreRow>>>,
  progress: { drawn: number; scored: number }
): RescoreSummary {
  const r = row.rescore;
  return {
    id: r.id,
    client: { id: r.clientId, name: row.clientName },
    program: r.programId != null ? { id: r.programId, name: row.programName ?? '?' } : null,
    fromDay: r.fromDay,
    toDay: r.toDay,
    sharePercent: r.shareBasisPoints / 100,
    populationCount: r.populationCount,
    drawn: progress.drawn,
    scored: progress.scored,
    requestedBy: r.requestedBy,
    createdAt: r.createdAt.toISOString()
  };
}
