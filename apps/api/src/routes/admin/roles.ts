import { z } from '@hono/zod-openapi';
import { ROLES } from '@attentive/shared';
import { assignRole, revokeRole } from '@attentive/core';
import { ctxOf, type AppDeps } from '../../context.ts';
import { route, json, body } from '../../openapi.ts';
import { newRouter } from '../../router.ts';
import { IdParam } from '../params.ts';
import { RoleAssignment, tags } from './schemas.ts';

/** Roles: grant one to a person, revoke it. */
export function roleRoutes(deps: AppDeps) {
  return newRouter()
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
        const r = await assignRole({ ctx: ctxOf(c, deps), input: { personId: c.req.valid('param').id, ...c.req.valid('json') } });
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
          await revokeRole({
            ctx: ctxOf(c, deps),
            input: { assignmentId: c.req.valid('param').id, confirmOwnAdmin: c.req.valid('query').confirmOwnAdmin === 'true' }
          }),
          200
        )
    );
}
