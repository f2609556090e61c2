import { randomUUID } from 'node:crypto';
import type { Ctx } from '../../context.ts';
import { invalid } from '../../errors.ts';
import { checkImportStart, requireImporter } from './check-import-start.ts';
import { loadCodeMaps } from './code-maps.ts';
import { ImportRun } from './import-run.ts';
import { withImportLock } from './import-lock.ts';
import type { ImportMode, ImportSummary } from './types.ts';

/** Largest JSON batch: bigger sets go through the streamed CSV import. */
export const MAX_BATCH_RECORDS = 5000;

/** Imports an array of call records (JSON), with the same validation, idempotence and modes as a CSV file. */
export async function importCallsBatch({
  ctx,
  input
}: {
  ctx: Ctx;
  input: { records: unknown[]; mode: ImportMode; source: string; importId?: string };
}): Promise<ImportSummary> {
  requireImporter(ctx.principal);
  if (input.records.length > MAX_BATCH_RECORDS) {
    throw invalid(
      `A batch holds at most ${MAX_BATCH_RECORDS} records (got ${input.records.length}); send more through POST /api/calls/import as CSV`
    );
  }
  const importId = input.importId ?? randomUUID();
  await checkImportStart(ctx, { importId, source: input.source });
  return withImportLock(async () => {
    const maps = await loadCodeMaps(ctx.db, ctx.principal);
    const run = new ImportRun(ctx, { importId, mode: input.mode, format: 'json', defaultSource: input.source, maps });
    await run.start();
    try {
      for (let i = 0; i < input.records.length; i++) {
        if (run.add(input.records[i], { index: i })) await run.flush();
      }
      return await run.finish();
    } catch (e) {
      await run.fail(`The import stopped: ${(e as Error).message}`).catch(() => undefined);
      throw e;
    }
  });
}
