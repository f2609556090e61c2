import { z } from '@hono/zod-openapi';
import { importCallsCsv, invalid, requireImporter } from '@attentive/core';
import { ctxOf, type AppDeps } from '../../context.ts';
import { route, json } from '../../openapi.ts';
import { newRouter } from '../../router.ts';
import { tags, Summary, ImportQuery, rejectedError } from './import-schemas.ts';

/** Largest CSV upload, checked while streaming (a 1,000,000-row file is about 130 MB). */
export const MAX_CSV_BYTES = 2 * 1024 ** 3;

const CSV_TYPES = /^(text\/csv|text\/plain|application\/csv|application\/octet-stream)\b/i;

export function importCsvRoute(deps: AppDeps) {
  return newRouter().openapi(
    route({
      method: 'post',
      path: '/calls/import',
      operationId: 'importCalls',
      tags,
      summary: 'Import call records from a CSV file (streamed; any size)',
      description:
        'Send the file as the request body (Content-Type: text/csv, UTF-8; another encoding only when declared, e.g. text/csv; charset=windows-1252). ' +
        'A file that is not valid UTF-8 and declares no charset is refused, naming the line of the first bad byte. Rows are validated and written while the body streams in. ' +
        'Idempotent on (source, external_id): a re-import adds nothing, a changed row updates. Columns: docs/import.md.',
      request: {
        query: ImportQuery,
        body: { required: true, content: { 'text/csv': { schema: z.string().openapi({ format: 'binary' }) } } }
      },
      responses: { 200: json(Summary, 'Imported (bad rows skipped in skip-invalid mode are listed)') }
    }),
    async (c) => {
      const ctx = ctxOf(c, deps);
      requireImporter(ctx.principal); // who asks, before what is sent
      const q = c.req.valid('query');
      const type = c.req.header('content-type') ?? '';
      if (!CSV_TYPES.test(type)) throw invalid(`Send the file as text/csv (got ${type || 'no Content-Type'})`);
      const body = c.req.raw.body;
      if (!body) throw invalid('The request has no body: send the CSV file as the body');
      const charset = /;\s*charset\s*=\s*"?([^";\s]+)"?/i.exec(type)?.[1];
      const s = await importCallsCsv({
        ctx,
        input: { body, mode: q.mode, source: q.source, importId: q.importId, maxBytes: MAX_CSV_BYTES, charset }
      });
      if (s.status !== 'completed') throw rejectedError(s);
      return c.json(s, 200);
    }
  );
}
