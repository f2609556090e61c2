import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { schema, type Db } from '@attentive/db';

/**
 * A secret the instance generates for itself on first use and keeps in the database
 * (used for the session signing secret when AUTH_SECRET is not configured). Safe when two
 * processes start at once: the first insert wins and both read it back.
 */
export async function instanceSecret(db: Db, name: string, now = new Date()): Promise<string> {
  const read = async () => (await db.select().from(schema.instanceSecrets).where(eq(schema.instanceSecrets.name, name)))[0]?.value;
  const existing = await read();
  if (existing) return existing;
  await db
    .insert(schema.instanceSecrets)
    .values({ name, value: randomBytes(48).toString('base64url'), createdAt: now })
    .onConflictDoNothing();
  const value = await read();
  if (!value) throw new Error(`instance secret ${name} could not be stored`);
  return value;
}
