import { z } from '@hono/zod-openapi';
import { listMyPrograms } from '@attentive/core';
import { ctxOf, type AppDeps } from '../../context.ts';
import { route, jsonList } from '../../openapi.ts';
import { newRouter } from '../../router.ts';

const MyProgram = z
  .object({
    id: z.number().int(),
    code: z.string(),
    name: z.string(),
    clientId: z.number().int(),
    clientCode: z.string(),
    clientName: z.string()
  })
  .openapi('MyProgram');

const programsRoute = route({
  method: 'get',
  path: '/me/programs',
  operationId: 'listMyPrograms',
  tags: ['Accounts'],
  summary: 'The programs the signed-in principal may see (a client auditor: those of its client)',
  responses: { 200: jsonList(MyProgram, 'Programs') }
});

export function myProgramsRoute(deps: AppDeps) {
  return newRouter().openapi(programsRoute, async (c) => c.json({ items: await listMyPrograms({ ctx: ctxOf(c, deps) }) }, 200));
}
