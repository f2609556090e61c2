import { eq, sql } from 'drizzle-orm';
import { schema, type Db } from '@attentive/db';
import type { Locale } from '@attentive/shared/settings';
import type { Principal } from '../policy/principal.ts';
import { grantsOf, hasLeft } from './load-principal.ts';

/** What GET /api/me shows of a signed-in person besides its grants, read in the same statement as the session. */
export type MeProfile = { name: string; email: string | null; locale: Locale | null; timeZone: string; defaultLanguage: Locale };

/** A session row found by its token, with the principal it stands for (null: no person, or the person has left). */
export type SessionLookup = { expiresAt: Date; userId: string; principal: Principal | null };

/**
 * Profiles read along with a principal, by principal object: a principal is built anew for every request, so
 * this lives exactly as long as the request that read it and can never show another request's data.
 */
const profiles = new WeakMap<Principal, MeProfile>();

/** The profile read with this principal by `principalForSessionToken`, if it was (session cookies only). */
export const profileReadWith = (principal: Principal): MeProfile | undefined => profiles.get(principal);

function sessionQuery(db: Db) {
  const s = schema.sessions;
  const u = schema.users;
  const p = schema.people;
  const t = schema.tenants;
  const ra = schema.roleAssignments;
  return db
    .select({
      expiresAt: s.expiresAt,
      userId: u.id,
      userEmail: u.email,
      personId: p.id,
      tenantId: p.tenantId,
      leftDate: p.leftDate,
      name: p.name,
      locale: p.locale,
      timeZone: t.timeZone,
      defaultLanguage: t.defaultLanguage,
      role: ra.role,
      teamId: ra.teamId,
      clientId: ra.clientId,
      programId: ra.programId
    })
    .from(s)
    .innerJoin(u, eq(u.id, s.userId))
    .leftJoin(p, eq(p.userId, u.id))
    .leftJoin(t, eq(t.id, p.tenantId))
    .leftJoin(ra, eq(ra.personId, p.id))
    .where(eq(s.token, sql.placeholder('token')))
    .prepare();
}

/** Built once per database: the statement's SQL is the same for every request, only the token changes. */
const prepared = new WeakMap<Db, ReturnType<typeof sessionQuery>>();

/**
 * A session cookie's token → the session's expiry, its user and the principal, in ONE statement (session, user,
 * person, tenant settings and every role row), because every signed-in request pays for it: on a libSQL server
 * each statement is a round trip. Null when no session has this token (signed out, revoked by a password change,
 * or never existed). Expiry is left to the caller, which also decides about extending the session.
 */
export async function principalForSessionToken(db: Db, token: string, today = new Date()): Promise<SessionLookup | null> {
  let query = prepared.get(db);
  if (!query) prepared.set(db, (query = sessionQuery(db)));
  const rows = await query.all({ token });
  const first = rows[0];
  if (!first) return null;
  const found = { expiresAt: first.expiresAt, userId: first.userId };
  if (first.personId == null || first.tenantId == null) return { ...found, principal: null };
  if (hasLeft(first.leftDate, today)) return { ...found, principal: null };
  const grants = grantsOf(rows);
  const principal: Principal = {
    kind: 'user',
    tenantId: first.tenantId,
    label: `user:${first.userEmail}`,
    userId: first.userId,
    personId: first.personId,
    grants
  };
  profiles.set(principal, {
    name: first.name!,
    email: first.userEmail,
    locale: first.locale ?? null,
    timeZone: first.timeZone!,
    defaultLanguage: first.defaultLanguage!
  });
  return { ...found, principal };
}
