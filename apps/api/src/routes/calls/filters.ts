import { z } from '@hono/zod-openapi';
import { callFilterOptions } from '@attentive/core';
import type { AppDeps } from '../../context.ts';
import { ctxOf } from '../../context.ts';
import { route, json } from '../../openapi.ts';
import { Ref } from '@attentive/shared/contract';
import { newRouter } from '../../router.ts';

const FilterOptionsSchema = z
  .object({
    clients: z.array(Ref),
    programs: z.array(Ref.extend({ clientId: z.number().int() })),
    queues: z.array(Ref.extend({ programId: z.number().int() })),
    teams: z.array(Ref),
    agents: z.array(Ref.extend({ teamId: z.number().int().nullable() }))
  })
  .openapi('CallFilterOptions');

const filtersRoute = route({
  method: 'get',
  path: '/calls/filters',
  operationId: 'getCallFilters',
  tags: ['Calls'],
  summary: 'Values the calls list can be filtered by (only what you may see)',
  responses: { 200: json(FilterOptionsSchema, 'Filter options') }
});

/** Registered before GET /calls/{id}: `filters` is not an id. */
export function callFilterRoute(deps: AppDeps) {
  return newRouter().openapi(filtersRoute, async (c) => c.json(await callFilterOptions({ ctx: ctxOf(c, deps) }), 200));
}
