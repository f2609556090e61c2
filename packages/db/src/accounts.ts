import { randomBytes } from 'node:crypto';
import type { DbOrTx } from './client.ts';
import { accounts, users } from './schema/auth.ts';

/** An id in better-auth's style (random, URL-safe). */
export const newUserId = () => randomBytes(18).toString('base64url');

/**
 * Inserts a sign-in user with an e-mail + password credential, the way better-auth stores one
 * (account.provider_id 'credential', account_id = user id). The caller links it to a person.
 */
export async function insertSignInUser(
  tx: DbOrTx,
  input: { email: string; name: string; passwordHash: string; now?: Date }
): Promise<string> {
  const id = newUserId();
  const now = input.now ?? new Date();
  await tx
    .insert(users)
    .values({ id, email: input.email.trim().toLowerCase(), name: input.name, emailVerified: true, createdAt: now, updatedAt: now });
  await tx.insert(accounts).values({
    id: newUserId(),
    accountId: id,
    providerId: 'credential',
    userId: id,
    password: input.passwordHash,
    createdAt: now,
    updatedAt: now
  });
  return id;
}
