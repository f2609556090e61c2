import { z } from '@hono/zod-openapi';
import { getCallPeaks } from '@attentive/core/peaks/get-call-peaks';
import type { AppDeps } from '../../context.ts';
import { ctxOf } from '../../context.ts';
import { route, readErrorsWith412, json } from '../../openapi.ts';
import { newRouter } from '../../router.ts';
import { IdParam, queryInt } from '../params.ts';

const PeaksSchema = z
  .object({
    callId: z.number().int(),
    duration: z.number(),
    sampleRate: z.number().int(),
    channels: z.number().int(),
    bucketSeconds: z.number(),
    peaks: z.array(z.number())
  })
  .openapi('WaveformPeaks');

const peaksRoute = route({
  method: 'get',
  path: '/calls/{id}/peaks',
  operationId: 'getCallPeaks',
  tags: ['Calls'],
  summary: "Waveform peaks of a call's recording (computed once on the server, cached)",
  request: {
    params: IdParam,
    query: z.object({ buckets: queryInt(100, 8000).optional() })
  },
  responses: {
    200: json(PeaksSchema, 'Peaks, 0..1 per bucket')
  },
  errors: readErrorsWith412
});

/** Registered with the calls: its path is under /calls/{id}. */
export function peaksRoutes(deps: AppDeps) {
  return newRouter().openapi(peaksRoute, async (c) => {
    const { id } = c.req.valid('param');
    const { buckets } = c.req.valid('query');
    const { etag, ...peaks } = await getCallPeaks({
      ctx: ctxOf(c, deps),
      input: { callId: id, buckets },
      recordingsDir: deps.env.RECORDINGS_DIR
    });
    c.header('ETag', etag);
    c.header('Cache-Control', 'no-store');
    return c.json(peaks, 200);
  });
}
