import { z } from '@hono/zod-openapi';
import { listPrograms, saveProgram } from '@attentive/core';
import { ctxOf, type AppDeps } from '../../context.ts';
import { route, json, jsonList, body } from '../../openapi.ts';
import { newRouter } from '../../router.ts';
import { IdParam } from '../params.ts';
import { Code, Name, tags } from './schemas.ts';

const Program = z
  .object({ id: z.number().int(), code: z.string(), name: z.string(), clientId: z.number().int(), disputeWindowDays: z.number().int() })
  .openapi('Program');

const programOut = (r: { id: number; code: string; name: string; clientId: number; disputeWindowDays: number }) => ({
  id: r.id,
  code: r.code,
  name: r.name,
  clientId: r.clientId,
  disputeWindowDays: r.disputeWindowDays
});

/** Programs: list, create, change. */
export function programRoutes(deps: AppDeps) {
  return newRouter()
    .openapi(
      route({
        method: 'get',
        path: '/admin/programs',
        operationId: 'listPrograms',
        tags,
        summary: 'List programs',
        responses: { 200: jsonList(Program, 'Programs') }
      }),
      async (c) => c.json({ items: (await listPrograms({ ctx: ctxOf(c, deps) })).map(programOut) }, 200)
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
      async (c) => c.json(programOut(await saveProgram({ ctx: ctxOf(c, deps), input: c.req.valid('json') })), 201)
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
      async (c) =>
        c.json(programOut(await saveProgram({ ctx: ctxOf(c, deps), input: { id: c.req.valid('param').id, ...c.req.valid('json') } })), 200)
    );
}
