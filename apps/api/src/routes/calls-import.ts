import { z } from '@hono/zod-openapi';
import {
  CALL_IMPORT_TEMPLATE,
  IMPORT_MODES,
  MAX_BATCH_RECORDS,
  getImport,
  importCallsBatch,
  importCallsCsv,
  invalid,
  listImports,
  requireImporter,
  upsertCallRecord,
  type ImportSummary
} from '@attentive/core';
import { ctxOf, principalOf, type AppDeps } from '../context.ts';
import { route, json } from '../openapi.ts';
import { newRouter } from '../router.ts';
import { queryInt } from './params.ts';

/** Largest CSV upload, checked while streaming (a 1,000,000-row file is about 130 MB). */
export const MAX_CSV_BYTES = 2 * 1024 ** 3;
const tags = ['Calls import'];

const RowError = z
  .object({ line: z.number().int().optional(), index: z.number().int().optional(), column: z.string(), reason: z.string() })
  .openapi('ImportRowError');
const Counts = {
  rows: z.number().int().openapi({ description: 'Data rows read' }),
  inserted: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  invalid: z.number().int().openapi({ description: 'Rows refused' }),
  errorCount: z.number().int().openapi({ description: 'All errors found; `errors` lists the first 100' }),
  errors: z.array(RowError)
};
const Summary = z
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

/** The call record as documented; the authoritative checks (codes, phone numbers, paths) run in core. */
const CallRecordDoc = z
  .object({
    source: z.string().optional().openapi({ description: 'Telephony system; defaults to the `source` query parameter' }),
    external_id: z
      .string()
      .openapi({ description: "The call's id in that system; (source, external_id) identifies a call across re-imports" }),
    program_code: z.string(),
    queue_code: z.string().optional(),
    agent_code: z.string().openapi({ description: 'Employee code of the agent (people.code)' }),
    direction: z.enum(['inbound', 'outbound']),
    started_at: z.string().openapi({ description: 'ISO 8601 with a zone, e.g. 2026-11-02T09:15:00+01:00' }),
    answer_seconds: z.number().int().optional(),
    talk_seconds: z.number().int(),
    hold_seconds: z.number().int().optional(),
    transfers: z.number().int().optional(),
    disposition: z.string().optional(),
    customer_ref: z.string().optional().openapi({ description: 'Pseudonymous customer reference; a phone number is refused' }),
    recording: z.string().optional().openapi({ description: 'Audio file path relative to the recordings folder' }),
    language: z.string().optional().openapi({ description: 'Language tag: nl, en, nl-BE…' })
  })
  .openapi('CallRecord');

const ImportQuery = z.object({
  mode: z
    .enum(IMPORT_MODES)
    .default('all-or-nothing')
    .openapi({ description: 'all-or-nothing: one bad row stores nothing; skip-invalid: store the good rows' }),
  source: z.string().default('csv').openapi({ description: 'Source of rows that have no source column/field' }),
  importId: z.uuid().optional().openapi({ description: 'Choose the import id up front to poll GET /api/imports/{id} while uploading' })
});

/** A rejected all-or-nothing import or an unreadable file: 400 with every reported row error as details. */
function rejectedError(s: ImportSummary) {
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

const CSV_TYPES = /^(text\/csv|text\/plain|application\/csv|application\/octet-stream)\b/i;

export function callsImportRoutes(deps: AppDeps) {
  return newRouter()
    .openapi(
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
        const s = await importCallsCsv(ctx, {
          body,
          mode: q.mode,
          source: q.source,
          importId: q.importId,
          maxBytes: MAX_CSV_BYTES,
          charset
        });
        if (s.status !== 'completed') throw rejectedError(s);
        return c.json(s, 200);
      }
    )
    .openapi(
      route({
        method: 'post',
        path: '/calls/batch',
        operationId: 'importCallBatch',
        tags,
        summary: `Import up to ${MAX_BATCH_RECORDS} call records sent as a JSON array`,
        request: {
          query: ImportQuery.extend({ source: z.string().default('api') }),
          body: {
            required: true,
            content: { 'application/json': { schema: z.array(z.unknown()).openapi({ description: 'CallRecord objects' }) } }
          }
        },
        responses: { 200: json(Summary, 'Imported') }
      }),
      async (c) => {
        const q = c.req.valid('query');
        const s = await importCallsBatch(ctxOf(c, deps), {
          records: c.req.valid('json'),
          mode: q.mode,
          source: q.source,
          importId: q.importId
        });
        if (s.status !== 'completed') throw rejectedError(s);
        return c.json(s, 200);
      }
    )
    .openapi(
      route({
        method: 'post',
        path: '/calls/webhook',
        operationId: 'receiveCallWebhook',
        tags,
        summary: 'One call record from a telephony system: 201 created, 200 updated or unchanged, 400 with details',
        request: {
          query: z.object({ source: z.string().default('webhook') }),
          body: { required: true, content: { 'application/json': { schema: CallRecordDoc } } }
        },
        responses: {
          200: json(
            z.object({ status: z.enum(['updated', 'unchanged']), callId: z.number().int(), source: z.string(), externalId: z.string() }),
            'Updated, or already up to date'
          ),
          201: json(
            z.object({ status: z.literal('created'), callId: z.number().int(), source: z.string(), externalId: z.string() }),
            'Created'
          )
        }
      }),
      async (c) => {
        const r = await upsertCallRecord(ctxOf(c, deps), { record: c.req.valid('json'), source: c.req.valid('query').source });
        if (r.status === 'created') return c.json({ ...r, status: 'created' as const }, 201);
        return c.json({ ...r, status: r.status as 'updated' | 'unchanged' }, 200);
      }
    )
    .openapi(
      route({
        method: 'get',
        path: '/calls/import/template.csv',
        operationId: 'getCallImportTemplate',
        tags,
        summary: 'An example CSV file with every column',
        responses: { 200: { description: 'CSV', content: { 'text/csv': { schema: z.string() } } } }
      }),
      (c) => {
        requireImporter(principalOf(c));
        c.header('Content-Type', 'text/csv; charset=utf-8');
        c.header('Content-Disposition', 'attachment; filename="attentive-calls-template.csv"');
        return c.body(CALL_IMPORT_TEMPLATE, 200);
      }
    )
    .openapi(
      route({
        method: 'get',
        path: '/imports',
        operationId: 'listImports',
        tags,
        summary: 'Latest import runs (admins: all of the tenant; tokens: their own)',
        request: { query: z.object({ limit: queryInt(1, 100).default(20) }) },
        responses: { 200: json(z.object({ items: z.array(ImportRun) }), 'Import runs') }
      }),
      async (c) => c.json({ items: await listImports(ctxOf(c, deps), { limit: c.req.valid('query').limit }) }, 200)
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
        return c.json(await getImport(ctxOf(c, deps), c.req.valid('param').id), 200);
      }
    );
}
