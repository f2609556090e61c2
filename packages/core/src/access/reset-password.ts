import { and, eq } from 'drizzle-orm';
import { schema } from '@attentive/db';
import { hashPassword } from '@attentive/db/password';
import { nowOf, type Ctx } from '../context.ts';
import { conflict, forbidden } from '../errors.ts';
import { canAdminister } from '../policy/admin.ts';
import { writeAudit } from '../audit/write-audit.ts';
import { findInTenant } from './scoped.ts';
import { checkPassword } from './check-password.ts';

/** An admin sets a new password; every session of that account ends. */
export async function resetPassword({ ctx, input }: { ctx: Ctx; input: { personId: number; password: string } }) {
  if (!canAdminister(ctx.principal)) throw forbidden('Only an admin may reset passwords');
  checkPassword(input.password);
  const passwordHash = await hashPassword(input.password);
  const now = nowOf(ctx);
  return ctx.db.transaction(async (tx) => {
    const person = await findInTenant(tx, schema.people, ctx.principal.tenantId, input.personId, 'Person');
    if (!person.userId) throw conflict(`${person.name} has no sign-in account yet; create one first`);
    await tx
      .update(schema.accounts)
      .set({ password: passwordHash, updatedAt: now })
      .where(and(eq(schema.accounts.userId, person.userId), eq(schema.accounts.providerId, 'credential')));
    const ended = await tx.delete(schema.sessions).where(eq(schema.sessions.userId, person.userId)).returning({ id: schema.sessions.id });
    await writeAudit(
      tx,
      { principal: ctx.principal, requestId: ctx.requestId },
      { action: 'auth.password_reset', objectType: 'person', objectId: person.id, after: { sessionsEnded: ended.length } },
      now
    );
    return { sessionsEnded: ended.length };
  });
}
