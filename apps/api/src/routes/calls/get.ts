import { z } from '@hono/zod-openapi';
import { getCall } from '@attentive/core';
import type { AppDeps } from '../../context.ts';
import { ctxOf } from '../../context.ts';
import { getById } from '../../openapi.ts';
import { CallFacts, Ref } from '@attentive/shared/contract';
import { newRouter } from '../../router.ts';

import { TurnSchema } from './schemas.ts';

const CallDetailSchema = CallFacts.extend({
  source: z.string(),
  externalId: z.string(),
  agent: Ref.extend({ hireDate: z.string().nullable() }),
  customerRef: z.string().nullable(),
  recordingUrl: z.string().nullable(),
  transcript: z.object({ language: z.string(), turns: z.array(TurnSchema) }).nullable()
}).openapi('CallDetail');

const detailRoute = getById('/calls/{id}', CallDetailSchema, 'The call', {
  operationId: 'getCall',
  tags: ['Calls'],
  summary: 'One call: facts and transcript turns'
});

export function getCallRoute(deps: AppDeps) {
  return newRouter().openapi(detailRoute, async (c) => {
    const { id } = c.req.valid('param');
    const call = await getCall({ ctx: ctxOf(c, deps), input: { callId: id } });
    return c.json({ ...call, recordingUrl: call.hasRecording ? `/api/calls/${id}/recording` : null }, 200);
  });
}
