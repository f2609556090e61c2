import { z } from '@hono/zod-openapi';
import { MAX_BATCH_RECORDS, importCallsBatch } from '@attentive/core';
import { ctxOf, type AppDeps } from '../../context.ts';
import { route, json, body } from '../../openapi.ts';
import { newRouter } from '../../router.ts';
import { tags, Summary, ImportQuery, rejectedError } from './import-schemas.ts';

export function importBatchRoute(deps: AppDeps) {
  return newRouter().openapi(
    route({
      method: 'post',
      path: '/calls/batch',
      operationId: 'importCallBatch',
      tags,
      summary: `Import up to ${MAX_BATCH_RECORDS} call records sent as a JSON array`,
      request: {
        query: ImportQuery.extend({ source: z.string().default('api') }),
        ...body(z.array(z.unknown()).openapi({ description: 'CallRecord objects' }))
      },
      responses: { 200: json(Summary, 'Imported') }
    }),
    async (c) => {
      const q = c.req.valid('query');
      const s = await importCallsBatch({
        ctx: ctxOf(c, deps),
        input: { records: c.req.valid('json'), mode: q.mode, source: q.source, importId: q.importId }
      });
      if (s.status !== 'completed') throw rejectedError(s);
      return c.json(s, 200);
    }
  );
}
