import { and, eq, exists, isNotNull, or, sql } from 'drizzle-orm';
import { schema, type DbOrTx } from '@attentive/db';

/**
 * The agents a mystery call can be matched to: people of the tenant who hold the agent role or work in a
 * team (imported agents have a team and may never sign in). `personId` narrows it to one person.
 */
export function agentsOfTenant(db: DbOrTx, tenantId: number, personId?: number) {
  const p = schema.people;
  const r = schema.roleAssignments;
  const hasAgentRole = exists(
    db
      .select({ one: sql`1` })
      .from(r)
      .where(and(eq(r.personId, p.id), eq(r.role, 'agent')))
  );
  return db
    .select({ id: p.id, code: p.code, name: p.name })
    .from(p)
    .where(and(eq(p.tenantId, tenantId), personId != null ? eq(p.id, personId) : undefined, or(hasAgentRole, isNotNull(p.teamId))))
    .orderBy(p.name)
    .limit(2000);
}
