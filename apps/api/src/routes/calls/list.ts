import { z } from '@hono/zod-openapi';
import { listCalls } from '@attentive/core';
import type { AppDeps } from '../../context.ts';
import { ctxOf } from '../../context.ts';
import { route, json } from '../../openapi.ts';
import { newRouter } from '../../router.ts';
import { queryId, queryInt } from '../params.ts';
import { CallListItemSchema } from './schemas.ts';

const Ymd = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as YYYY-MM-DD');

const CallPageSchema = z
  .object({
    items: z.array(CallListItemSchema),
    nextCursor: z.string().nullable(),
    prevCursor: z.string().nullable(),
    hasMore: z.boolean()
  })
  .openapi('CallPage');

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
  responses: { 200: json(CallPageSchema, 'One page of calls') }
});

export function listCallsRoute(deps: AppDeps) {
  return newRouter().openapi(listRoute, async (c) => {
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
  });
}
