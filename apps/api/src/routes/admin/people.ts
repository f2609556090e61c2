import { z } from '@hono/zod-openapi';
import { ROLES, plainText } from '@attentive/shared';
import { getPerson, listPeople, savePerson } from '@attentive/core';
import { ctxOf, type AppDeps } from '../../context.ts';
import { route, json, body, getById } from '../../openapi.ts';
import { newRouter } from '../../router.ts';
import { IdParam, queryId, queryInt } from '../params.ts';
import { DateStr, RoleAssignment, tags } from './schemas.ts';

/** What every view of a person shows; the list row and the detail add how its account and roles come. */
const PersonBase = z.object({
  id: z.number().int(),
  code: z.string(),
  name: z.string(),
  email: z.string().nullable(),
  teamId: z.number().int().nullable(),
  hireDate: z.string().nullable(),
  leftDate: z.string().nullable()
});

const PersonRow = PersonBase.extend({
  hasAccount: z.boolean(),
  accountEmail: z.string().nullable(),
  roles: z.array(RoleAssignment)
}).openapi('PersonRow');

const Person = PersonBase.extend({
  account: z.object({ email: z.string() }).nullable(),
  roles: z.array(RoleAssignment)
}).openapi('Person');

const PersonFields = z.object({
  code: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,39}$/),
  name: plainText({ min: 1, max: 200 }),
  email: z.email().nullable().optional(),
  teamId: z.number().int().positive().nullable().optional(),
  hireDate: DateStr.nullable().optional(),
  leftDate: DateStr.nullable().optional()
});

/** People: list, create, read, change. */
export function peopleRoutes(deps: AppDeps) {
  return newRouter()
    .openapi(
      route({
        method: 'get',
        path: '/admin/people',
        operationId: 'listPeople',
        tags,
        summary: 'List people with their roles',
        request: {
          query: z.object({
            q: z.string().max(100).optional(),
            teamId: queryId(),
            role: z.enum(ROLES).optional(),
            limit: queryInt(1, 500).default(100),
            offset: queryInt(0, 1_000_000).default(0)
          })
        },
        responses: { 200: json(z.object({ items: z.array(PersonRow), hasMore: z.boolean() }), 'People') }
      }),
      async (c) => {
        const q = c.req.valid('query');
        return c.json(
          await listPeople({
            ctx: ctxOf(c, deps),
            input: { search: q.q, teamId: q.teamId, role: q.role, limit: q.limit, offset: q.offset }
          }),
          200
        );
      }
    )
    .openapi(
      route({
        method: 'post',
        path: '/admin/people',
        operationId: 'createPerson',
        tags,
        summary: 'Add a person',
        request: body(PersonFields),
        responses: { 201: json(Person, 'Created') }
      }),
      async (c) => {
        const ctx = ctxOf(c, deps);
        const row = await savePerson({ ctx, input: c.req.valid('json') });
        return c.json(await getPerson({ ctx, input: { personId: row.id } }), 201);
      }
    )
    .openapi(
      getById('/admin/people/{id}', Person, 'Person', { operationId: 'getPerson', tags, summary: 'One person with roles and account' }),
      async (c) => c.json(await getPerson({ ctx: ctxOf(c, deps), input: { personId: c.req.valid('param').id } }), 200)
    )
    .openapi(
      route({
        method: 'patch',
        path: '/admin/people/{id}',
        operationId: 'updatePerson',
        tags,
        summary: 'Change a person',
        request: { params: IdParam, ...body(PersonFields.partial()) },
        responses: { 200: json(Person, 'Changed') }
      }),
      async (c) => {
        const ctx = ctxOf(c, deps);
        const row = await savePerson({ ctx, input: { id: c.req.valid('param').id, ...c.req.valid('json') } });
        return c.json(await getPerson({ ctx, input: { personId: row.id } }), 200);
      }
    );
}
