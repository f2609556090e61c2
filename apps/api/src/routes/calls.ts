import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { z } from '@hono/zod-openapi';
import { callFilterOptions, getCall, getCallRecording, listCalls, notFound } from '@attentive/core';
import type { AppDeps } from '../context.ts';
import { ctxOf } from '../context.ts';
import { ErrorEnvelope } from '@attentive/shared/contract';
import { errorBody } from '../errors.ts';
import { route } from '../openapi.ts';
import { CallFacts, Ref } from '@attentive/shared/contract';
import { newRouter } from '../router.ts';
import { parseRange } from './range.ts';
import { IdParam, queryId, queryInt } from './params.ts';

const Ymd = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as YYYY-MM-DD');

const CallListItemSchema = CallFacts.extend({ agent: Ref, hasTranscript: z.boolean() }).openapi('CallListItem');

const CallPageSchema = z
  .object({
    items: z.array(CallListItemSchema),
    nextCursor: z.string().nullable(),
    prevCursor: z.string().nullable(),
    hasMore: z.boolean()
  })
  .openapi('CallPage');

const TurnSchema = z.object({ speaker: z.enum(['agent', 'customer']), start: z.number(), end: z.number(), text: z.string() });
const CallDetailSchema = CallFacts.extend({
  source: z.string(),
  externalId: z.string(),
  agent: Ref.extend({ hireDate: z.string().nullable() }),
  customerRef: z.string().nullable(),
  recordingUrl: z.string().nullable(),
  transcript: z.object({ language: z.string(), turns: z.array(TurnSchema) }).nullable()
}).openapi('CallDetail');

const FilterOptionsSchema = z
  .object({
    clients: z.array(Ref),
    programs: z.array(Ref.extend({ clientId: z.number().int() })),
    queues: z.array(Ref.extend({ programId: z.number().int() })),
    teams: z.array(Ref),
    agents: z.array(Ref.extend({ teamId: z.number().int().nullable() }))
  })
  .openapi('CallFilterOptions');

/** A yes/no query parameter: exactly `true` or `false` (anything else is a 400 naming the parameter). */
const YesNo = z.enum(['true', 'false'], { error: 'expected true or false' });
const yesNo = (v: 'true' | 'false' | undefined) => (v == null ? undefined : v === 'true');

const listRoute = route({
  method: 'get',
  path: '/calls',
  operationId: 'listCalls',
  tags: ['Calls'],
  summary: 'Calls you may see, newest first (keyset pagination: pass nextCursor / prevCursor back as cursor)',
  request: {
    query: z.object({
      client: queryId(),
      program: queryId(),
      team: queryId(),
      agent: queryId(),
      queue: queryId(),
      direction: z.enum(['inbound', 'outbound']).optional(),
      from: Ymd.optional().openapi({ description: 'First day (Netherlands time), inclusive' }),
      to: Ymd.optional().openapi({ description: 'Last day (Netherlands time), inclusive' }),
      hasRecording: YesNo.optional().openapi({ description: 'true: only calls with audio; false: only calls without' }),
      hasTranscript: YesNo.optional().openapi({ description: 'true: only calls with a transcript; false: only calls without' }),
      cursor: z.string().max(200).optional(),
      limit: queryInt(1, 200).default(50)
    })
  },
  responses: { 200: { description: 'One page of calls', content: { 'application/json': { schema: CallPageSchema } } } }
});

const filtersRoute = route({
  method: 'get',
  path: '/calls/filters',
  operationId: 'getCallFilters',
  tags: ['Calls'],
  summary: 'Values the calls list can be filtered by (only what you may see)',
  responses: { 200: { description: 'Filter options', content: { 'application/json': { schema: FilterOptionsSchema } } } }
});

const detailRoute = route({
  method: 'get',
  path: '/calls/{id}',
  operationId: 'getCall',
  tags: ['Calls'],
  summary: 'One call: facts and transcript turns',
  request: { params: IdParam },
  responses: { 200: { description: 'The call', content: { 'application/json': { schema: CallDetailSchema } } } }
});

const recordingRoute = route({
  method: 'get',
  path: '/calls/{id}/recording',
  operationId: 'getCallRecording',
  tags: ['Calls'],
  summary: 'The audio of a call; supports HTTP Range requests (206 Partial Content, 416 for unsatisfiable ranges)',
  request: { params: IdParam, headers: z.object({ range: z.string().optional() }) },
  responses: {
    200: { description: 'The whole recording', content: { 'audio/*': { schema: z.string().openapi({ format: 'binary' }) } } },
    206: { description: 'The requested byte range', content: { 'audio/*': { schema: z.string().openapi({ format: 'binary' }) } } },
    416: { description: 'Range not satisfiable', content: { 'application/json': { schema: ErrorEnvelope } } }
  }
});

export function callRoutes(deps: AppDeps) {
  return newRouter()
    .openapi(filtersRoute, async (c) => c.json(await callFilterOptions({ ctx: ctxOf(c, deps) }), 200))
    .openapi(listRoute, async (c) => {
      const q = c.req.valid('query');
      const page = await listCalls({
        ctx: ctxOf(c, deps),
        input: {
          clientId: q.client,
          programId: q.program,
          teamId: q.team,
          agentId: q.agent,
          queueId: q.queue,
          direction: q.direction,
          from: q.from,
          to: q.to,
          hasRecording: yesNo(q.hasRecording),
          hasTranscript: yesNo(q.hasTranscript),
          cursor: q.cursor,
          limit: q.limit
        }
      });
      return c.json(page, 200);
    })
    .openapi(detailRoute, async (c) => {
      const { id } = c.req.valid('param');
      const call = await getCall({ ctx: ctxOf(c, deps), id });
      return c.json({ ...call, recordingUrl: call.hasRecording ? `/api/calls/${id}/recording` : null }, 200);
    })
    .openapi(recordingRoute, async (c) => {
      const { id } = c.req.valid('param');
      const { file, contentType } = await getCallRecording({ ctx: ctxOf(c, deps), id, recordingsDir: deps.env.RECORDINGS_DIR });
      const info = await stat(file).catch(() => null);
      if (!info?.isFile()) throw notFound(`Recording of call ${id}`);
      const size = info.size;
      const headers: Record<string, string> = {
        'Content-Type': contentType,
        'Accept-Ranges': 'bytes',
        // a customer's voice: never kept in a browser's or proxy's cache
        'Cache-Control': 'no-store',
        'Last-Modified': info.mtime.toUTCString()
      };
      const range = parseRange(c.req.header('range'), size);
      if (range === 'unsatisfiable') {
        return c.json(
          errorBody(c, 'RANGE_NOT_SATISFIABLE', `Range "${c.req.header('range')}" is outside the recording (${size} bytes)`),
          416,
          { 'Content-Range': `bytes */${size}` }
        );
      }
      const [start, end] = range ?? [0, size - 1];
      headers['Content-Length'] = String(end - start + 1);
      if (range) headers['Content-Range'] = `bytes ${start}-${end}/${size}`;
      const body = size === 0 ? null : (Readable.toWeb(createReadStream(file, { start, end })) as ReadableStream);
      return new Response(body, { status: range ? 206 : 200, headers }) as never;
    });
}
