import { z } from '@hono/zod-openapi';
import { IMPORT_MODES, invalid, type ImportSummary } from '@attentive/core';

export const tags = ['Calls import'];

export const RowError = z
  .object({ line: z.number().int().optional(), index: z.number().int().optional(), column: z.string(), reason: z.string() })
  .openapi('ImportRowError');

export const Counts = {
  rows: z.number().int().openapi({ description: 'Data rows read' }),
  inserted: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  invalid: z.number().int().openapi({ description: 'Rows refused' }),
  errorCount: z.number().int().openapi({ description: 'All errors found; `errors` lists the first 100' }),
  errors: z.array(RowError)
};

export const Summary = z
  .object({
    importId: z.string(),
    status: z.enum(['completed', 'rejected', 'failed', 'running']),
    mode: z.enum(IMPORT_MODES),
    source: z.string(),
    ...Counts,
    message: z.string().optional(),
    bytesRead: z.number().int().optional(),
    durationMs: z.number().int()
  })
  .openapi('ImportSummary');

export const ImportQuery = z.object({
  mode: z
    .enum(IMPORT_MODES)
    .default('all-or-nothing')
    .openapi({ description: 'all-or-nothing: one bad row stores nothing; skip-invalid: store the good rows' }),
  source: z.string().default('csv').openapi({ description: 'Source of rows that have no source column/field' }),
  importId: z.uuid().optional().openapi({ description: 'Choose the import id up front to poll GET /api/imports/{id} while uploading' })
});

/** A rejected all-or-nothing import or an unreadable file: 400 with every reported row error as details. */
export function rejectedError(s: ImportSummary) {
  return invalid(
    `${s.message ?? 'Import refused'} (import ${s.importId})`,
    s.errors.map((e) => ({
      line: e.line,
      path: e.index !== undefined ? `${e.index}.${e.column}` : undefined,
      column: e.column,
      message: e.reason
    }))
  );
}
