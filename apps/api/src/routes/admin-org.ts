import { z } from '@hono/zod-openapi';
import { plainText } from '@attentive/shared';
import { listClients, listPrograms, listTeams, saveClient, saveProgram, saveTeam } from '@attentive/core';
import { ctxOf, type AppDeps } from '../context.ts';
import { route, json, body } from '../openapi.ts';
import { newRouter } from '../router.ts';
import { IdParam } from './params.ts';

const Code = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,39}$/, "1-40 letters, digits, '-', '_' or '.'");
const Name = plainText({ min: 1, max: 200 });

const Team = z.object({ id: z.number().int(), code: z.string(), name: z.string() }).openapi('Team');
const Client = z.object({ id: z.number().int(), code: z.string(), name: z.string() }).openapi('Client');
const Program = z
  .object({ id: z.number().int(), code: z.string(), name: z.string(), clientId: z.number().int(), disputeWindowDays: z.number().int() })
  .openapi('Program');

const tags = ['Admin'];

const teamOut = (r: { id: number; code: string; name: string }) => ({ id: r.id, code: r.code, name: r.name });
const programOut = (r: { id: number; code: string; name: string; clientId: number; disputeWindowDays: number }) => ({
  id: r.id,
  code: r.code,
  name: r.name,
  clientId: r.clientId,
  disputeWindowDays: r.disputeWindowDays
});

export function adminOrgRoutes(deps: AppDeps) {
  return newRouter()
    .openapi(
      route({
        method: 'get',
        path: '/admin/teams',
        operationId: 'listTeams',
        tags,
        summary: 'List teams',
        responses: { 200: json(z.object({ items: z.array(Team) }), 'Teams') }
      }),
      async (c) => c.json({ items: (await listTeams(ctxOf(c, deps))).map(teamOut) }, 200)
    )
    .openapi(
      route({
        method: 'post',
        path: '/admin/teams',
        operationId: 'createTeam',
        tags,
        summary: 'Create a team',
        request: body(z.object({ code: Code, name: Name })),
        responses: { 201: json(Team, 'Created') }
      }),
      async (c) => c.json(teamOut(await saveTeam(ctxOf(c, deps), c.req.valid('json'))), 201)
    )
    .openapi(
      route({
        method: 'patch',
        path: '/admin/teams/{id}',
        operationId: 'updateTeam',
        tags,
        summary: 'Change a team',
        request: { params: IdParam, ...body(z.object({ code: Code.optional(), name: Name.optional() })) },
        responses: { 200: json(Team, 'Changed') }
      }),
      async (c) => c.json(teamOut(await saveTeam(ctxOf(c, deps), { id: c.req.valid('param').id, ...c.req.valid('json') })), 200)
    )
    .openapi(
      route({
        method: 'get',
        path: '/admin/clients',
        operationId: 'listClients',
        tags,
        summary: 'List clients',
        responses: { 200: json(z.object({ items: z.array(Client) }), 'Clients') }
      }),
      async (c) => c.json({ items: (await listClients(ctxOf(c, deps))).map(teamOut) }, 200)
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
      async (c) => c.json(teamOut(await saveClient(ctxOf(c, deps), c.req.valid('json'))), 201)
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
      async (c) => c.json(teamOut(await saveClient(ctxOf(c, deps), { id: c.req.valid('param').id, ...c.req.valid('json') })), 200)
    )
    .openapi(
      route({
        method: 'get',
        path: '/admin/programs',
        operationId: 'listPrograms',
        tags,
        summary: 'List programs',
        responses: { 200: json(z.object({ items: z.array(Program) }), 'Programs') }
      }),
      async (c) => c.json({ items: (await listPrograms(ctxOf(c, deps))).map(programOut) }, 200)
    )
    .openapi(
      route({
        method: 'post',
        path: '/admin/programs',
        operationId: 'createProgram',
        tags,
        summary: 'Create a program',
        request: body(
          z.object({
            code: Code,
            name: Name,
            clientId: z.number().int().positive(),
            disputeWindowDays: z.number().int().min(0).max(365).optional()
          })
        ),
        responses: { 201: json(Program, 'Created') }
      }),
      async (c) => c.json(programOut(await saveProgram(ctxOf(c, deps), c.req.valid('json'))), 201)
    )
    .openapi(
      route({
        method: 'patch',
        path: '/admin/programs/{id}',
        operationId: 'updateProgram',
        tags,
        summary: 'Change a program',
        request: {
          params: IdParam,
          ...body(
            z.object({
              code: Code.optional(),
              name: Name.optional(),
              clientId: z.number().int().positive().optional(),
              disputeWindowDays: z.number().int().min(0).max(365).optional()
            })
          )
        },
        responses: { 200: json(Program, 'Changed') }
      }),
      async (c) => c.json(programOut(await saveProgram(ctxOf(c, deps), { id: c.req.valid('param').id, ...c.req.valid('json') })), 200)
    );
}
