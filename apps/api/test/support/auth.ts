import { eq } from 'drizzle-orm';
import { schema, type Db } from '@attentive/db';
import { insertSignInUser } from '@attentive/db/accounts';
import { hashPassword } from '@attentive/db/password';
import type { Grant } from '@attentive/core';
import { createApiToken } from '@attentive/core';

type RequestableApp = { request: (input: string, init?: RequestInit) => Response | Promise<Response> };

/** The origin app.request() addresses (http://localhost); the CSRF guard accepts it. */
export const TEST_ORIGIN = 'http://localhost';
export const TEST_PASSWORD = 'correct horse battery staple';

export type SessionHeaders = Record<string, string> & { cookie: string; origin: string };

let seq = 0;
let cachedHash: Promise<string> | undefined;
const passwordHash = () => (cachedHash ??= hashPassword(TEST_PASSWORD));

/**
 * Signs in through the real /api/auth/sign-in/email endpoint as a person holding `grants`.
 * Creates the person (unless `personId` is given), a user with TEST_PASSWORD and the role
 * assignments. Returns headers (session cookie + same-origin Origin) for `app.request(path, { headers })`.
 */
export async function signInAs(
  app: RequestableApp,
  db: Db,
  opts: { tenantId: number; grants: Grant[]; personId?: number; teamId?: number; name?: string; email?: string }
): Promise<{ headers: SessionHeaders; userId: string; personId: number; email: string }> {
  const n = ++seq;
  const tag = `${process.pid}-${Date.now().toString(36)}-${n}`;
  const email = (opts.email ?? `user-${tag}@test.attentive.invalid`).toLowerCase();
  const name = opts.name ?? `Test User ${n}`;
  const hash = await passwordHash();
  const { userId, personId } = await db.transaction(async (tx) => {
    let personId = opts.personId;
    if (personId == null) {
      const [p] = await tx
        .insert(schema.people)
        .values({ tenantId: opts.tenantId, code: `U-${tag}`, name, email, teamId: opts.teamId ?? null })
        .returning({ id: schema.people.id });
      personId = p!.id;
    }
    const userId = await insertSignInUser(tx, { email, name, passwordHash: hash });
    await tx.update(schema.people).set({ userId }).where(eq(schema.people.id, personId));
    if (opts.grants.length) {
      await tx.insert(schema.roleAssignments).values(
        opts.grants.map((g) => ({
          tenantId: opts.tenantId,
          personId: personId!,
          role: g.role,
          teamId: g.teamId ?? null,
          clientId: g.clientId ?? null,
          programId: g.programId ?? null
        }))
      );
    }
    return { userId, personId };
  });
  const headers = await signInWithPassword(app, email, TEST_PASSWORD);
  return { headers, userId, personId, email };
}

/** Signs in with e-mail and password; returns request headers or throws with the API's answer. */
export async function signInWithPassword(app: RequestableApp, email: string, password: string): Promise<SessionHeaders> {
  const res = await app.request('/api/auth/sign-in/email', {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: TEST_ORIGIN },
    body: JSON.stringify({ email, password })
  });
  if (res.status !== 200) throw new Error(`sign-in as ${email} failed: ${res.status} ${await res.text()}`);
  return { cookie: cookieHeaderFrom(res), origin: TEST_ORIGIN };
}

/** The Cookie request header that carries the cookies a response sets. */
export function cookieHeaderFrom(res: Response): string {
  return res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0]!)
    .join('; ');
}

/**
 * Creates an API token for one program or one client of a tenant and returns the headers that use
 * it (`Authorization: Bearer …`), the token itself and its id.
 */
export async function tokenHeaders(
  db: Db,
  opts: { tenantId: number; programId?: number; clientId?: number; name?: string }
): Promise<{ headers: Record<string, string>; token: string; tokenId: number }> {
  const { token, id } = await createApiToken({
    ctx: { db, principal: { kind: 'system', tenantId: opts.tenantId, label: 'system:test', grants: [{ role: 'admin' }] } },
    input: { name: opts.name ?? `test token ${++seq}`, programId: opts.programId, clientId: opts.clientId }
  });
  return { headers: { authorization: `Bearer ${token}` }, token, tokenId: id };
}
