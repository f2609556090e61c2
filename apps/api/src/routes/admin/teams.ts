import { z } from '@hono/zod-openapi';
import { listTeams, saveTeam } from '@attentive/core';
import { ctxOf, type AppDeps } from '../../context.ts';
import { route, json, jsonList, body } from '../../openapi.ts';
import { newRouter } from '../../router.ts';
import { IdParam } from '../params.ts';
import { Code, Name, tags, teamOut } from './schemas.ts';

const Team = z.object({ id: z.number().int(), code: z.string(), name: z.string() }).openapi('Team');

/** Teams: list, create, change. */
export function teamRoutes(deps: AppDeps) {
  return newRouter()
    .openapi(
      route({
        method: 'get',
        path: '/admin/teams',
        operationId: 'listTeams',
        tags,
        summary: 'List teams',
        responses: { 200: jsonList(Team, 'Teams') }
      }),
      async (c) => c.json({ items: (await listTeams({ ctx: ctxOf(c, deps) })).map(teamOut) }, 200)
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
      async (c) => c.json(teamOut(await saveTeam({ ctx: ctxOf(c, deps), input: c.req.valid('json') })), 201)
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
      async (c) =>
        c.json(teamOut(await saveTeam({ ctx: ctxOf(c, deps), input: { id: c.req.valid('param').id, ...c.req.valid('json') } })), 200)
    );
}
