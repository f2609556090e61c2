import { z } from '@hono/zod-openapi';
import { samplePopulationText } from '@attentive/core';
import { sampleRunItemsCsv } from '../../downloads/sample-run-items-csv.ts';
import { ctxOf, type AppDeps } from '../../context.ts';
import { route } from '../../openapi.ts';
import { newRouter } from '../../router.ts';
import { IdParam } from '../params.ts';
import { tags } from './schemas.ts';

/** A run as files: its drawn calls as CSV, its population as the text the hash is taken of. */
export function sampleRunDownloadRoutes(deps: AppDeps) {
  return newRouter()
    .openapi(
      route({
        method: 'get',
        path: '/sampling/runs/{id}/items.csv',
        operationId: 'exportSampleItems',
        tags,
        summary: "The run's drawn calls as CSV: rank, replacements with reasons, evaluator, due date, evaluation status",
        request: { params: IdParam },
        responses: { 200: { description: 'CSV', content: { 'text/csv': { schema: z.string() } } } }
      }),
      async (c) => {
        const file = await sampleRunItemsCsv({ ctx: ctxOf(c, deps), input: { runId: c.req.valid('param').id } });
        c.header('Content-Type', 'text/csv; charset=utf-8');
        c.header('Content-Disposition', `attachment; filename="${file.filename}"`);
        return c.body(file.csv, 200);
      }
    )
    .openapi(
      route({
        method: 'get',
        path: '/sampling/runs/{id}/population.txt',
        operationId: 'exportSamplePopulation',
        tags,
        summary: "The run's eligible call ids, sorted, one per line: sha256sum of the file is the population hash",
        description:
          'The population as the data is now, in exactly the text the population hash is taken of (no newline after the last id), so `sha256sum` of the download can be compared with the hash stored on the run without any other tool. X-Population-Hash carries the stored hash.',
        request: { params: IdParam },
        responses: { 200: { description: 'Call ids', content: { 'text/plain': { schema: z.string() } } } }
      }),
      async (c) => {
        const file = await samplePopulationText({ ctx: ctxOf(c, deps), input: { runId: c.req.valid('param').id } });
        const headers = {
          'Content-Type': 'text/plain; charset=utf-8',
          'Content-Disposition': `attachment; filename="${file.filename}"`,
          'X-Population-Hash': file.storedHash,
          'X-Population-Size': String(file.size)
        };
        // Streamed in 64 KiB chunks: a million ids are ~7 MB of text.
        const body = new ReadableStream<Uint8Array>({
          pull(controller) {
            const next = file.chunks.next();
            if (next.done) controller.close();
            else controller.enqueue(next.value);
          }
        });
        return new Response(body, { status: 200, headers }) as never;
      }
    );
}
