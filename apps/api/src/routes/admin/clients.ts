import { z } from '@hono/zod-openapi';
import { listClients, saveClient } from '@attentive/core';
import { ctxOf, type AppDeps } from '../../context.ts';
import { route, json, jsonList, body } from '../../openapi.ts';
import { newRouter } from '../../router.ts';
import { IdParam } from '../params.ts';
import { Code, Name, tags, teamOut } from './schemas.ts';

const Client = z.object({ id: z.number().int(), code: z.string(), name: z.string() }).openapi('Client');

/** Clients: list, create, change. */
export function clientRoutes(deps: AppDeps) {
  return newRouter()
    .openapi(
      route({
        method: 'get',
        path: '/admin/clients',
        operationId: 'listClients',
        tags,
        summary: 'List clients',
        responses: { 200: jsonList(Client, 'Clients') }
      }),
      async (c) => c.json({ items: (await listClients({ ctx: ctxOf(c, deps) })).map(teamOut) }, 200)
    )
    .openapi(
      route({
        method: 'post',
        path: '/admin/clients',
        operationId: 'createClient',
        tags,
        summary: 'Create a client',
        request: body(z.object({ code: Code, name: Name })),
        responses: { 201: json(Client, 'Created') }
      }),
      async (c) => c.json(teamOut(await saveClient({ ctx: ctxOf(c, deps), input: c.req.valid('json') })), 201)
    )
    .openapi(
      route({
        method: 'patch',
        path: '/admin/clients/{id}',
        operationId: 'updateClient',
        tags,
        summary: 'Change a client',
        request: { params: IdParam, ...body(z.object({ code: Code.optional(), name: Name.optional() })) },
        responses: { 200: json(Client, 'Changed') }
      }),
      async (c) =>
        c.json(teamOut(await saveClient({ ctx: ctxOf(c, deps), input: { id: c.req.valid('param').id, ...c.req.valid('json') } })), 200)
    );
}
