import { z } from '@hono/zod-openapi';
import { createAccount, resetPassword } from '@attentive/core';
import { ctxOf, type AppDeps } from '../../context.ts';
import { route, json, body } from '../../openapi.ts';
import { newRouter } from '../../router.ts';
import { IdParam } from '../params.ts';
import { tags } from './schemas.ts';

const Password = z.string().min(10).max(256);

/** Sign-in accounts: create one for a person, reset its password. */
export function accountRoutes(deps: AppDeps) {
  return newRouter()
    .openapi(
      route({
        method: 'post',
        path: '/admin/people/{id}/account',
        operationId: 'createAccount',
        tags,
        summary: 'Create the sign-in account of a person',
        request: { params: IdParam, ...body(z.object({ email: z.email(), password: Password })) },
        responses: { 201: json(z.object({ userId: z.string(), email: z.string() }), 'Created') }
      }),
      async (c) =>
        c.json(await createAccount({ ctx: ctxOf(c, deps), input: { personId: c.req.valid('param').id, ...c.req.valid('json') } }), 201)
    )
    .openapi(
      route({
        method: 'post',
        path: '/admin/people/{id}/password',
        operationId: 'resetPassword',
        tags,
        summary: "Reset a person's password (ends its sessions)",
        request: { params: IdParam, ...body(z.object({ password: Password })) },
        responses: { 200: json(z.object({ sessionsEnded: z.number().int() }), 'Reset') }
      }),
      async (c) =>
        c.json(await resetPassword({ ctx: ctxOf(c, deps), input: { personId: c.req.valid('param').id, ...c.req.valid('json') } }), 200)
    );
}
