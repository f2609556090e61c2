import { z } from '@hono/zod-openapi';
import { CAPABILITIES, ROLES, type Capability } from '@attentive/shared';
import { LOCALES } from '@attentive/shared/settings';
import { describeMe } from '@attentive/core';
import { ctxOf, type AppDeps } from '../../context.ts';
import { route, json } from '../../openapi.ts';
import { newRouter } from '../../router.ts';

const GrantSchema = z.object({
  role: z.enum(ROLES),
  teamId: z.number().int().optional(),
  clientId: z.number().int().optional(),
  programId: z.number().int().optional()
});

/** What the principal may do, one boolean per capability (core policy `capabilitiesOf`). */
const CapabilitiesSchema = z
  .object(Object.fromEntries(CAPABILITIES.map((c) => [c, z.boolean()])) as Record<Capability, z.ZodBoolean>)
  .openapi('Capabilities', {
    description: 'What the principal may do (navigation and page guards read it; every request is still checked on its own)'
  });

export const MeSchema = z
  .object({
    kind: z.enum(['user', 'token', 'system']),
    tenantId: z.number().int(),
    personId: z.number().int().nullable(),
    name: z.string(),
    email: z.string().nullable(),
    roles: z.array(z.enum(ROLES)),
    grants: z.array(GrantSchema),
    /** What the person may do, for the screens (navigation, page guards): core policy `capabilitiesOf`. */
    can: CapabilitiesSchema,
    /** The person's chosen language for its screens; null: none chosen (the browser's, else `defaultLanguage`). */
    locale: z.enum(LOCALES).nullable(),
    /** The contact center's clock: screens show every date and time in it. */
    timeZone: z.string(),
    /** The contact center's default language for its screens. */
    defaultLanguage: z.enum(LOCALES)
  })
  .openapi('Me');

const meRoute = route({
  method: 'get',
  path: '/me',
  operationId: 'getMe',
  tags: ['Accounts'],
  summary: 'Who is asking: name, roles and their scopes, and what it may do (`can`)',
  responses: { 200: json(MeSchema, 'The signed-in person or token') }
});

export function getMeRoute(deps: AppDeps) {
  return newRouter().openapi(meRoute, async (c) => {
    const ctx = ctxOf(c, deps);
    return c.json(await describeMe({ ctx }), 200);
  });
}
