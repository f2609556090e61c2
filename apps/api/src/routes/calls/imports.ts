import { z } from '@hono/zod-openapi';
import { IMPORT_MODES, getImport, listImports } from '@attentive/core';
import { ctxOf, type AppDeps } from '../../context.ts';
import { route, json, jsonList } from '../../openapi.ts';
import { newRouter } from '../../router.ts';
import { queryInt } from '../params.ts';
import { tags, Counts } from './import-schemas.ts';

const ImportRun = z
  .object({
    id: z.string(),
    status: z.enum(['running', 'completed', 'rejected', 'failed']),
    format: z.enum(['csv', 'json']),
    mode: z.enum(IMPORT_MODES),
    source: z.string(),
    ...Counts,
    message: z.string().nullable(),
    bytesRead: z.number().int().nullable(),
    actor: z.string(),
    startedAt: z.string(),
    finishedAt: z.string().nullable()
  })
  .openapi('ImportRun');

/** Import runs: the list and one run with its counts and row errors. */
export function importRunRoutes(deps: AppDeps) {
  return newRouter()
    .openapi(
      route({
        method: 'get',
        path: '/imports',
        operationId: 'listImports',
        tags,
        summary: 'Latest import runs (admins: all of the tenant; tokens: their own)',
        request: { query: z.object({ limit: queryInt(1, 100).default(20) }) },
        responses: { 200: jsonList(ImportRun, 'Import runs') }
      }),
      async (c) => c.json({ items: await listImports({ ctx: ctxOf(c, deps), input: { limit: c.req.valid('query').limit } }) }, 200)
    )
    .openapi(
      route({
        method: 'get',
        path: '/imports/{id}',
        operationId: 'getImport',
        tags,
        summary: 'One import run: status and counts (live while it runs), first errors',
        request: { params: z.object({ id: z.string().openapi({ param: { name: 'id', in: 'path' } }) }) },
        responses: { 200: json(ImportRun, 'Import run') }
      }),
      async (c) => {
        c.header('Cache-Control', 'no-store');
        return c.json(await getImport({ ctx: ctxOf(c, deps), input: { importId: c.req.valid('param').id } }), 200);
      }
    );
}
