import { z } from '@hono/zod-openapi';
import { plainText } from '@attentive/shared';
import { createApiToken, listApiTokens, revokeApiToken, type ApiTokenView } from '@attentive/core';
import { ctxOf, type AppDeps } from '../../context.ts';
import { route, json, jsonList, body } from '../../openapi.ts';
import { newRouter } from '../../router.ts';
import { IdParam } from '../params.ts';
import { tags } from './schemas.ts';

const ApiToken = z
  .object({
    id: z.number().int(),
    name: z.string(),
    prefix: z.string(),
    programId: z.number().int().nullable(),
    clientId: z.number().int().nullable(),
    createdAt: z.string(),
    lastUsedAt: z.string().nullable(),
    revokedAt: z.string().nullable()
  })
  .openapi('ApiToken');

const out = (t: ApiTokenView) => ({
  ...t,
  createdAt: t.createdAt.toISOString(),
  lastUsedAt: t.lastUsedAt?.toISOString() ?? null,
  revokedAt: t.revokedAt?.toISOString() ?? null
});

/** API tokens: list, create (the secret is shown once), revoke. */
export function apiTokenRoutes(deps: AppDeps) {
  return newRouter()
    .openapi(
      route({
        method: 'get',
        path: '/admin/api-tokens',
        operationId: 'listApiTokens',
        tags,
        summary: 'List API tokens (never the tokens themselves)',
        responses: { 200: jsonList(ApiToken, 'Tokens') }
      }),
      async (c) => c.json({ items: (await listApiTokens({ ctx: ctxOf(c, deps) })).map(out) }, 200)
    )
    .openapi(
      route({
        method: 'post',
        path: '/admin/api-tokens',
        operationId: 'createApiToken',
        tags,
        summary: 'Create an API token for one program or one client; the token is shown only in this answer',
        request: {
          ...body(
            z
              .object({
                name: plainText({ min: 1, max: 100 }),
                programId: z.number().int().positive().optional(),
                clientId: z.number().int().positive().optional()
              })
              // The verb's rule (createApiToken checks it): scoped to exactly one program or one client.
              .openapi({ oneOf: [{ required: ['programId'] }, { required: ['clientId'] }] })
          )
        },
        responses: { 201: json(ApiToken.extend({ token: z.string() }), 'Created (copy the token now)') }
      }),
      async (c) => {
        const t = await createApiToken({ ctx: ctxOf(c, deps), input: c.req.valid('json') });
        c.header('Cache-Control', 'no-store');
        return c.json({ ...out(t), token: t.token }, 201);
      }
    )
    .openapi(
      route({
        method: 'post',
        path: '/admin/api-tokens/{id}/revoke',
        operationId: 'revokeApiToken',
        tags,
        summary: 'Revoke an API token',
        request: { params: IdParam },
        responses: { 200: json(ApiToken, 'Revoked') }
      }),
      async (c) => c.json(out(await revokeApiToken({ ctx: ctxOf(c, deps), input: { tokenId: c.req.valid('param').id } })), 200)
    );
}
