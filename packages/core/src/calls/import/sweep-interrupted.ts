import { eq } from 'drizzle-orm';
import { schema, type Db } from '@attentive/db';
import { writeAudit } from '../../audit/write-audit.ts';
import { systemPrincipal } from '../../policy/principal.ts';

type RunningImport = typeof schema.imports.$inferSelect;

/**
 * What an interrupted import kept. The imports row of a skip-invalid import is updated in the
 * transaction that commits each chunk, so its counts are exactly the committed rows; an all-or-nothing
 * import commits only at its end, so it kept nothing.
 */
function committed(imp: RunningImport) {
  const kept = imp.mode === 'skip-invalid';
  return {
    committedRows: kept ? imp.rowsProcessed : 0,
    inserted: kept ? imp.inserted : 0,
    updated: kept ? imp.updated : 0,
    unchanged: kept ? imp.unchanged : 0,
    invalid: kept ? imp.invalid : 0
  };
}

export function interruptedMessage(imp: RunningImport): string {
  const c = committed(imp);
  const kept =
    imp.mode === 'skip-invalid'
      ? `${c.committedRows} rows were committed before the stop and stay stored (${c.inserted} inserted, ${c.updated} updated, ${c.unchanged} unchanged, ${c.invalid} refused); later rows were not read.`
      : 'Nothing was stored (all-or-nothing).';
  return `Interrupted: the server stopped before this import finished. ${kept} Importing the file again is safe: rows are matched on source and external id.`;
}

/**
 * Marks imports left `running` by a process that stopped (crash, restart, deploy) as failed, with a
 * message and an audit row saying how many rows were committed, so the import screens do not show
 * them running forever. Run once at start-up, before any new import — only where this process is the
 * only writer (the embedded database): with a shared libSQL server another process may really be importing.
 */
export async function sweepInterruptedImports(db: Db, now = new Date()): Promise<{ id: string; committedRows: number }[]> {
  return db.transaction(async (tx) => {
    const running = await tx.select().from(schema.imports).where(eq(schema.imports.status, 'running'));
    for (const imp of running) {
      await tx
        .update(schema.imports)
        .set({ status: 'failed', message: interruptedMessage(imp), finishedAt: now })
        .where(eq(schema.imports.id, imp.id));
      await writeAudit(
        tx,
        { principal: systemPrincipal(imp.tenantId, 'start-up') },
        {
          action: 'calls.import',
          objectType: 'import',
          objectId: imp.id,
          before: { status: 'running' },
          after: { status: 'failed', reason: 'interrupted', mode: imp.mode, ...committed(imp) }
        },
        now
      );
    }
    return running.map((imp) => ({ id: imp.id, committedRows: committed(imp).committedRows }));
  });
}
