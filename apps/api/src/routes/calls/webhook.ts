import { z } from '@hono/zod-openapi';
import { upsertCallRecord } from '@attentive/core';
import { ctxOf, type AppDeps } from '../../context.ts';
import { route, json, body } from '../../openapi.ts';
import { newRouter } from '../../router.ts';
import { tags } from './import-schemas.ts';

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

export function callWebhookRoute(deps: AppDeps) {
  return newRouter().openapi(
    route({
      method: 'post',
      path: '/calls/webhook',
      operationId: 'receiveCallWebhook',
      tags,
      summary: 'One call record from a telephony system: 201 created, 200 updated or unchanged, 400 with details',
      request: {
        query: z.object({ source: z.string().default('webhook') }),
        ...body(CallRecordDoc)
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
      const r = await upsertCallRecord({
        ctx: ctxOf(c, deps),
        input: { record: c.req.valid('json'), source: c.req.valid('query').source }
      });
      if (r.status === 'created') return c.json({ ...r, status: 'created' as const }, 201);
      return c.json({ ...r, status: r.status as 'updated' | 'unchanged' }, 200);
    }
  );
}
