import { eq } from 'drizzle-orm';
import { schema } from '@attentive/db';
import { insertSignInUser } from '@attentive/db/accounts';
import { hashPassword } from '@attentive/db/password';
import { nowOf, type Ctx } from '../context.ts';
import { conflict, forbidden, invalid } from '../errors.ts';
import { canAdminister } from '../policy/admin.ts';
import { writeAudit } from '../audit/write-audit.ts';
import { findInTenant } from './scoped.ts';
import { checkPassword } from './check-password.ts';

/** Gives a person a sign-in account (e-mail + initial password). No mail server: the admin passes the password on. */
export async function createAccount({ ctx, input }: { ctx: Ctx; input: { personId: number; email: string; password: string } }) {
  if (!canAdminister(ctx.principal)) throw forbidden('Only an admin may create sign-in accounts');
  const email = input.email.trim().toLowerCase();
  if (!/^[^\s@]+@[^\s@]+$/.test(email))
    throw invalid(`email: "${input.email}" is not an e-mail address`, [{ path: 'email', message: 'invalid e-mail' }]);
  checkPassword(input.password);
  const passwordHash = await hashPassword(input.password);
  const now = nowOf(ctx);
  return ctx.db.transaction(async (tx) => {
    const person = await findInTenant(tx, schema.people, ctx.principal.tenantId, input.personId, 'Person');
    if (person.userId) throw conflict(`${person.name} already has a sign-in account`);
    const taken = await tx.select({ id: schema.users.id }).from(schema.users).where(eq(schema.users.email, email)).limit(1);
    if (taken.length) throw conflict(`The address ${email} is already used by another account`);
    const userId = await insertSignInUser(tx, { email, name: person.name, passwordHash, now });
    await tx.update(schema.people).set({ userId }).where(eq(schema.people.id, person.id));
    await writeAudit(
      tx,
      { principal: ctx.principal, requestId: ctx.requestId },
      { action: 'account.create', objectType: 'person', objectId: person.id, after: { email, userId } },
      now
    );
    return { userId, email };
  });
}
