import { eq } from 'drizzle-orm';
import { schema, type Db } from '@attentive/db';
import { writeAudit } from '../../audit/write-audit.ts';
import { systemPrincipal } from '../../policy/principal.ts';

export const INTERRUPTED_MESSAGE =
  'Interrupted: the server stopped before this import finished. Rows committed before the stop (the counts shown) are stored; ' +
  'all-or-nothing imports stored nothing. Importing the file again is safe: rows are matched on source and external id.';

/**
 * Marks imports left `running` by a process that stopped (crash, restart, deploy) as failed, with a
 * message saying what was kept, so the import screens do not show them running forever. Run once at
 * start-up, before any new import — only where this process is the only writer (the embedded database):
 * with a shared libSQL server another process may really be importing.
 */
export async function sweepInterruptedImports(db: Db, now = new Date()): Promise<number> {
  return db.transaction(async (tx) => {
    const running = await tx.select().from(schema.imports).where(eq(schema.imports.status, 'running'));
    for (const imp of running) {
      await tx.update(schema.imports).set({ status: 'failed', message: INTERRUPTED_MESSAGE, finishedAt: now }).where(eq(schema.imports.id, imp.id));
      await writeAudit(
        tx,
        { principal: systemPrincipal(imp.tenantId, 'start-up') },
        { action: 'calls.import', objectType: 'import', objectId: imp.id, before: { status: 'running' }, after: { status: 'failed', reason: 'interrupted' } },
        now
      );
    }
    return running.length;
  });
}
