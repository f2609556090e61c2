import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { z } from '@hono/zod-openapi';
import { getCallRecording, notFound } from '@attentive/core';
import type { AppDeps } from '../../context.ts';
import { ctxOf } from '../../context.ts';
import { ErrorEnvelope } from '@attentive/shared/contract';
import { errorBody } from '../../errors.ts';
import { route, json } from '../../openapi.ts';
import { newRouter } from '../../router.ts';
import { parseRange } from '../range.ts';
import { IdParam } from '../params.ts';

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
    416: json(ErrorEnvelope, 'Range not satisfiable')
  }
});

export function callRecordingRoute(deps: AppDeps) {
  return newRouter().openapi(recordingRoute, async (c) => {
    const { id } = c.req.valid('param');
    const { file, contentType } = await getCallRecording({
      ctx: ctxOf(c, deps),
      input: { callId: id },
      recordingsDir: deps.env.RECORDINGS_DIR
    });
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
