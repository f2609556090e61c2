import { eq } from 'drizzle-orm';
import { schema } from '@attentive/db';
import type { Role } from '@attentive/shared';
import type { Ctx } from '../context.ts';
import { capabilitiesOf } from '../policy/capabilities.ts';

/** What the signed-in principal may know about itself: name, roles and scopes, and what it may do (`can`). */
export async function describeMe({ ctx }: { ctx: Ctx }) {
  const p = ctx.principal;
  let name = p.label;
  let email: string | null = null;
  if (p.personId != null) {
    const [person] = await ctx.db
      .select({ name: schema.people.name, email: schema.people.email, userEmail: schema.users.email })
      .from(schema.people)
      .leftJoin(schema.users, eq(schema.users.id, schema.people.userId))
      .where(eq(schema.people.id, p.personId));
    if (person) {
      name = person.name;
      email = person.userEmail ?? person.email;
    }
  }
  const roles = [...new Set(p.grants.map((g) => g.role))] as Role[];
  return { kind: p.kind, tenantId: p.tenantId, personId: p.personId ?? null, name, email, roles, grants: p.grants, can: capabilitiesOf(p) };
}
