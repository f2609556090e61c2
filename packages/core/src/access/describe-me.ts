import { and, eq } from 'drizzle-orm';
import { schema } from '@attentive/db';
import type { Role } from '@attentive/shared';
import type { Ctx } from '../context.ts';
import { notFound } from '../errors.ts';
import { capabilitiesOf } from '../policy/capabilities.ts';
import { profileReadWith, type MeProfile } from './session-principal.ts';

/** Name, e-mail, language and the tenant's settings in one statement, for a principal not read from a session cookie. */
async function readProfile(ctx: Ctx): Promise<MeProfile> {
  const p = ctx.principal;
  const people = schema.people;
  const [row] = await ctx.db
    .select({
      name: people.name,
      personEmail: people.email,
      userEmail: schema.users.email,
      locale: people.locale,
      timeZone: schema.tenants.timeZone,
      defaultLanguage: schema.tenants.defaultLanguage
    })
    .from(schema.tenants)
    .leftJoin(people, and(eq(people.id, p.personId ?? -1), eq(people.tenantId, schema.tenants.id)))
    .leftJoin(schema.users, eq(schema.users.id, people.userId))
    .where(eq(schema.tenants.id, p.tenantId));
  if (!row) throw notFound('Tenant');
  return {
    name: row.name ?? p.label,
    email: row.userEmail ?? row.personEmail ?? null,
    locale: row.locale ?? null,
    timeZone: row.timeZone,
    defaultLanguage: row.defaultLanguage
  };
}

/**
 * What the principal may know about itself (GET /api/me): name, roles and scopes, what it may do (`can`), its
 * chosen language and the tenant's zone and default language. A session cookie's principal brings its profile
 * from the statement that resolved the cookie (no further query); others read it in one statement.
 */
export async function describeMe({ ctx }: { ctx: Ctx }) {
  const p = ctx.principal;
  const profile = profileReadWith(p) ?? (await readProfile(ctx));
  const roles = [...new Set(p.grants.map((g) => g.role))] as Role[];
  return {
    kind: p.kind,
    tenantId: p.tenantId,
    personId: p.personId ?? null,
    name: profile.name,
    email: profile.email,
    roles,
    grants: p.grants,
    can: capabilitiesOf(p),
    locale: profile.locale,
    timeZone: profile.timeZone,
    defaultLanguage: profile.defaultLanguage
  };
}
