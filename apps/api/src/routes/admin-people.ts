import { z } from '@hono/zod-openapi';
import { ROLES, plainText } from '@attentive/shared';
import { assignRole, createAccount, getPerson, listPeople, resetPassword, revokeRole, savePerson } from '@attentive/core';
import { ctxOf, type AppDeps } from '../context.ts';
import { route, json, body } from '../openapi.ts';
import { newRouter } from '../router.ts';
import { IdParam, queryId, queryInt } from './params.ts';

const DateStr = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD');
const Password = z.string().min(10).max(256);

const RoleAssignment = z
  .object({
    id: z.number().int(),
    role: z.enum(ROLES),
    teamId: z.number().int().nullable(),
    clientId: z.number().int().nullable(),
    programId: z.number().int().nullable()
  })
  .openapi('RoleAssignment');
const PersonRow = z
  .object({
    id: z.number().int(),
    code: z.string(),
    name: z.string(),
    email: z.string().nullable(),
    teamId: z.number().int().nullable(),
    hireDate: z.string().nullable(),
    leftDate: z.string().nullable(),
    hasAccount: z.boolean(),
    accountEmail: z.string().nullable(),
    roles: z.array(RoleAssignment)
  })
  .openapi('PersonRow');
const Person = z
  .object({
    id: z.number().int(),
    code: z.string(),
    name: z.string(),
    email: z.string().nullable(),
    teamId: z.number().int().nullable(),
    hireDate: z.string().nullable(),
    leftDate: z.string().nullable(),
    account: z.object({ email: z.string() }).nullable(),
    roles: z.array(RoleAssignment)
  })
  .openapi('Person');
const PersonFields = z.object({
  code: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,39}$/),
  name: plainText({ min: 1, max: 200 }),
  email: z.email().nullable().optional(),
  teamId: z.number().int().positive().nullable().optional(),
  hireDate: DateStr.nullable().optional(),
  leftDate: DateStr.nullable().optional()
});

const tags = ['Admin'];

export function adminPeopleRoutes(deps: AppDeps) {
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
          await listPeople(ctxOf(c, deps), { search: q.q, teamId: q.teamId, role: q.role, limit: q.limit, offset: q.offset }),
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
        const row = await savePerson(ctx, c.req.valid('json'));
        return c.json(await getPerson(ctx, row.id), 201);
      }
    )
    .openapi(
      route({
        method: 'get',
        path: '/admin/people/{id}',
        operationId: 'getPerson',
        tags,
        summary: 'One person with roles and account',
        request: { params: IdParam },
        responses: { 200: json(Person, 'Person') }
      }),
      async (c) => c.json(await getPerson(ctxOf(c, deps), c.req.valid('param').id), 200)
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
        const row = await savePerson(ctx, { id: c.req.valid('param').id, ...c.req.valid('json') });
        return c.json(await getPerson(ctx, row.id), 200);
      }
    )
    .openapi(
      route({
        method: 'post',
        path: '/admin/people/{id}/roles',
        operationId: 'grantRole',
        tags,
        summary: 'Give a person a role (team_lead needs teamId, client_auditor needs clientId)',
        request: {
          params: IdParam,
          ...body(
            z.object({
              role: z.enum(ROLES),
              teamId: z.number().int().positive().nullable().optional(),
              clientId: z.number().int().positive().nullable().optional()
            })
          )
        },
        responses: { 201: json(RoleAssignment, 'Assigned') }
      }),
      async (c) => {
        const r = await assignRole(ctxOf(c, deps), c.req.valid('param').id, c.req.valid('json'));
        return c.json({ id: r.id, role: r.role, teamId: r.teamId, clientId: r.clientId, programId: r.programId }, 201);
      }
    )
    .openapi(
      route({
        method: 'delete',
        path: '/admin/role-assignments/{id}',
        operationId: 'revokeRole',
        tags,
        summary: 'Take a role away (never the last admin; your own admin role only with confirmOwnAdmin=true)',
        request: {
          params: IdParam,
          query: z.object({
            confirmOwnAdmin: z.enum(['true', 'false']).optional().openapi({ description: 'Required (true) to remove your own admin role' })
          })
        },
        responses: { 200: json(z.object({ id: z.number().int() }), 'Removed') }
      }),
      async (c) =>
        c.json(
          await revokeRole(ctxOf(c, deps), c.req.valid('param').id, { confirmOwnAdmin: c.req.valid('query').confirmOwnAdmin === 'true' }),
          200
        )
    )
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
      async (c) => c.json(await createAccount(ctxOf(c, deps), c.req.valid('param').id, c.req.valid('json')), 201)
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
      async (c) => c.json(await resetPassword(ctxOf(c, deps), c.req.valid('param').id, c.req.valid('json')), 200)
    );
}
