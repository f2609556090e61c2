import { z } from '@hono/zod-openapi';
import { listClients, saveClient } from '@attentive/core';
import { ctxOf, type AppDeps } from '../../context.ts';
import { route, json, jsonList, body } from '../../openapi.ts';
import { newRouter } from '../../router.ts';
import { IdParam } from '../params.ts';
import { Code, Name, tags } from './schemas.ts';

const PseudonymiseAgents = z
  .boolean()
  .openapi({ description: "The client's auditors see agents under a pseudonym (“Agent 7F3A”), never by name" });

const Client = z
  .object({ id: z.number().int(), code: z.string(), name: z.string(), pseudonymiseAgents: PseudonymiseAgents })
  .openapi('Client');

const clientOut = (r: { id: number; code: string; name: string; pseudonymiseAgents: boolean }) => ({
  id: r.id,
  code: r.code,
  name: r.name,
  pseudonymiseAgents: r.pseudonymiseAgents
});

/**
 * Clients: list, create, change. A client is a code and a name (the same rules as a team: save-code-name.ts)
 * and whether its auditors see agents under a pseudonym (client-audit/pseudonym.ts).
 */
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
      async (c) => c.json({ items: (await listClients({ ctx: ctxOf(c, deps) })).map(clientOut) }, 200)
    )
    .openapi(
      route({
        method: 'post',
        path: '/admin/clients',
        operationId: 'createClient',
        tags,
        summary: 'Create a client',
        request: body(z.object({ code: Code, name: Name, pseudonymiseAgents: PseudonymiseAgents.optional() })),
        responses: { 201: json(Client, 'Created') }
      }),
      async (c) => c.json(clientOut(await saveClient({ ctx: ctxOf(c, deps), input: c.req.valid('json') })), 201)
    )
    .openapi(
      route({
        method: 'patch',
        path: '/admin/clients/{id}',
        operationId: 'updateClient',
        tags,
        summary: 'Change a client',
        request: {
          params: IdParam,
          ...body(z.object({ code: Code.optional(), name: Name.optional(), pseudonymiseAgents: PseudonymiseAgents.optional() }))
        },
        responses: { 200: json(Client, 'Changed') }
      }),
      async (c) =>
        c.json(clientOut(await saveClient({ ctx: ctxOf(c, deps), input: { id: c.req.valid('param').id, ...c.req.valid('json') } })), 200)
    );
}
