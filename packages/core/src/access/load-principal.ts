import { and, eq, isNull } from 'drizzle-orm';
import { createHash } from 'node:crypto';
import { schema, type Db } from '@attentive/db';
import type { Grant, Principal } from '../policy/principal.ts';

/** Grants of one person, in the shape the policy reads. Agents act on themselves (personId). */
export async function grantsOfPerson(db: Db, personId: number): Promise<Grant[]> {
  const rows = await db
    .select({
      role: schema.roleAssignments.role,
      teamId: schema.roleAssignments.teamId,
      clientId: schema.roleAssignments.clientId,
      programId: schema.roleAssignments.programId
    })
    .from(schema.roleAssignments)
    .where(eq(schema.roleAssignments.personId, personId));
  return rows.map((r) => ({
    role: r.role,
    ...(r.teamId != null ? { teamId: r.teamId } : {}),
    ...(r.clientId != null ? { clientId: r.clientId } : {}),
    ...(r.programId != null ? { programId: r.programId } : {})
  }));
}

/**
 * The principal of a signed-in user: user → person (people.user_id) → role assignments.
 * A user without a person record, or whose person has left, is nobody here (null).
 */
export async function principalForUser(db: Db, user: { id: string; email: string }, today = new Date()): Promise<Principal | null> {
  // One query: the person and its role rows (a left join, so a person without roles still comes back).
  const ra = schema.roleAssignments;
  const rows = await db
    .select({
      id: schema.people.id,
      tenantId: schema.people.tenantId,
      leftDate: schema.people.leftDate,
      role: ra.role,
      teamId: ra.teamId,
      clientId: ra.clientId,
      programId: ra.programId
    })
    .from(schema.people)
    .leftJoin(ra, eq(ra.personId, schema.people.id))
    .where(eq(schema.people.userId, user.id));
  const person = rows[0];
  if (!person) return null;
  if (hasLeft(person.leftDate, today)) return null;
  return {
    kind: 'user',
    tenantId: person.tenantId,
    label: `user:${user.email}`,
    userId: user.id,
    personId: person.id,
    grants: grantsOf(rows)
  };
}

/** A person whose leaving date has passed signs in as nobody (dates are the contact center's YYYY-MM-DD). */
export const hasLeft = (leftDate: string | null, today: Date) => !!leftDate && leftDate < today.toISOString().slice(0, 10);

type RoleRow = { role: Grant['role'] | null; teamId: number | null; clientId: number | null; programId: number | null };

/** The grants of a person's role rows, read through a left join (a person without roles gives one row of nulls). */
export const grantsOf = (rows: readonly RoleRow[]): Grant[] =>
  rows
    .filter((r) => r.role != null)
    .map((r) => ({
      role: r.role!,
      ...(r.teamId != null ? { teamId: r.teamId } : {}),
      ...(r.clientId != null ? { clientId: r.clientId } : {}),
      ...(r.programId != null ? { programId: r.programId } : {})
    }));

export const API_TOKEN_PREFIX = 'att_';

export function hashApiToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** last_used_at is written at most this often per token, so a busy integration does not write on every call. */
const LAST_USED_RESOLUTION_MS = 60_000;

/** The principal of an API token, or null when it is unknown or revoked. */
export async function principalForApiToken(db: Db, token: string, now = new Date()): Promise<Principal | null> {
  if (!token.startsWith(API_TOKEN_PREFIX)) return null;
  const [row] = await db
    .select()
    .from(schema.apiTokens)
    .where(and(eq(schema.apiTokens.tokenHash, hashApiToken(token)), isNull(schema.apiTokens.revokedAt)))
    .limit(1);
  if (!row) return null;
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() > LAST_USED_RESOLUTION_MS) {
    await db.update(schema.apiTokens).set({ lastUsedAt: now }).where(eq(schema.apiTokens.id, row.id));
  }
  const grant: Grant =
    row.programId != null ? { role: 'integration', programId: row.programId } : { role: 'integration', clientId: row.clientId! };
  return { kind: 'token', tenantId: row.tenantId, label: `token:${row.id}`, grants: [grant] };
}
