import { and, eq, isNotNull, isNull } from 'drizzle-orm';
import { schema } from '@attentive/db';
import type { DbOrTx } from '@attentive/db';
import { conflict } from '../errors.ts';

const { people, roleAssignments: ra } = schema;

/** Whether a person holds the admin role. */
export async function isAdmin(tx: DbOrTx, personId: number): Promise<boolean> {
  const rows = await tx
    .select({ id: ra.id })
    .from(ra)
    .where(and(eq(ra.personId, personId), eq(ra.role, 'admin')))
    .limit(1);
  return rows.length > 0;
}

/**
 * A contact center always keeps an admin who can act: the admin role on a person with a sign-in account and
 * no leaving date. Without one nobody can give roles, reset passwords or create accounts any more, and only
 * someone with database access can repair it. Called inside the transaction, after the change: throwing rolls it back.
 */
export async function assertKeepsAnAdmin(tx: DbOrTx, tenantId: number, change: string): Promise<void> {
  const rows = await tx
    .select({ id: people.id })
    .from(ra)
    .innerJoin(people, eq(people.id, ra.personId))
    .where(and(eq(ra.tenantId, tenantId), eq(ra.role, 'admin'), isNotNull(people.userId), isNull(people.leftDate)))
    .limit(1);
  if (!rows.length)
    throw conflict(
      `${change} would leave the contact center without an admin who can sign in (this is the last admin); make someone else admin first`
    );
}
