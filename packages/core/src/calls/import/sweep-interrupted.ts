import { and, eq, lt, sql } from 'drizzle-orm';
import { schema, type Db } from '@attentive/db';
import { writeAudit } from '../../audit/write-audit.ts';
import { systemPrincipal } from '../../policy/principal.ts';

type RunningImport = typeof schema.imports.$inferSelect;

/**
 * What an interrupted import kept. The imports row is updated in the transaction that commits each chunk,
 * so its counts are exactly the committed rows: all of them for skip-invalid; for all-or-nothing only the
 * written ones (inserted, updated, unchanged), which stay 0 unless a libSQL server wrote it in checked
 * chunks — its rows_processed may count rows checked by a first pass that wrote nothing (heartbeat.ts).
 */
function committed(imp: RunningImport) {
  const written = imp.inserted + imp.updated + imp.unchanged;
  const kept = imp.mode === 'skip-invalid';
  return {
    committedRows: kept ? imp.rowsProcessed : written,
    inserted: imp.inserted,
    updated: imp.updated,
    unchanged: imp.unchanged,
    invalid: kept ? imp.invalid : 0
  };
}

export function interruptedMessage(imp: RunningImport): string {
  const c = committed(imp);
  const kept =
    imp.mode === 'skip-invalid'
      ? `${c.committedRows} rows were committed before the stop and stay stored (${c.inserted} inserted, ${c.updated} updated, ${c.unchanged} unchanged, ${c.invalid} refused); later rows were not read.`
      : c.committedRows > 0
        ? `The file had been checked in full (no bad row) and ${c.committedRows} of its rows were committed before the stop and stay stored (${c.inserted} inserted, ${c.updated} updated, ${c.unchanged} unchanged); later rows were not written.`
        : 'Nothing was stored (all-or-nothing).';
  return `Interrupted: the server stopped before this import finished. ${kept} Importing the file again is safe: rows are matched on source and external id.`;
}

/** When an import last showed a sign of life: its heartbeat, or its start if it never beat. */
const lastSign = sql`coalesce(${schema.imports.heartbeatAt}, ${schema.imports.startedAt})`;

/**
 * Marks imports left `running` by a process that stopped (crash, kill, restart, deploy) as failed, with a
 * message and an audit row saying how many rows were committed, so the import screens do not show them
 * running forever.
 *
 * Without `staleBefore` every running import is swept: at start-up on an embedded file, whose one process
 * is this one (and which runs no import yet). With `staleBefore` (a libSQL server shared by several
 * processes, each of which heartbeats its own imports every second) only those whose last sign of life is
 * older; the condition is repeated in the UPDATE, so a heartbeat that lands meanwhile keeps its import running.
 */
export async function sweepInterruptedImports(
  db: Db,
  now = new Date(),
  { staleBefore }: { staleBefore?: Date } = {}
): Promise<{ id: string; committedRows: number }[]> {
  const stale = staleBefore ? lt(lastSign, staleBefore.getTime()) : undefined;
  return db.transaction(async (tx) => {
    const running = await tx
      .select()
      .from(schema.imports)
      .where(and(eq(schema.imports.status, 'running'), stale));
    const swept: { id: string; committedRows: number }[] = [];
    for (const imp of running) {
      const done = await tx
        .update(schema.imports)
        .set({ status: 'failed', message: interruptedMessage(imp), finishedAt: now })
        .where(and(eq(schema.imports.id, imp.id), eq(schema.imports.status, 'running'), stale))
        .returning({ id: schema.imports.id });
      if (done.length === 0) continue;
      await writeAudit(
        tx,
        { principal: systemPrincipal(imp.tenantId, staleBefore ? 'import-sweep' : 'start-up') },
        {
          action: 'calls.import',
          objectType: 'import',
          objectId: imp.id,
          before: { status: 'running' },
          after: { status: 'failed', reason: 'interrupted', mode: imp.mode, ...committed(imp) }
        },
        now
      );
      swept.push({ id: imp.id, committedRows: committed(imp).committedRows });
    }
    return swept;
  });
}
