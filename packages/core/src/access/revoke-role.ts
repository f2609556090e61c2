import { eq } from 'drizzle-orm';
import { schema } from '@attentive/db';
import { nowOf, type Ctx } from '../context.ts';
import { conflict, forbidden } from '../errors.ts';
import { canAdminister } from '../policy/admin.ts';
import { writeAudit } from '../audit/write-audit.ts';
import { findInTenant } from './scoped.ts';
import { assertKeepsAnAdmin } from './admins.ts';

/**
 * Takes a role away. The admin role goes only while another admin who can sign in stays; an admin
 * removing its own admin role must say so (`confirmOwnAdmin`): it loses the admin screens at once.
 */
export async function revokeRole({ ctx, input }: { ctx: Ctx; input: { assignmentId: number; confirmOwnAdmin?: boolean } }) {
  if (!canAdminister(ctx.principal)) throw forbidden('Only an admin may remove roles');
  const tenantId = ctx.principal.tenantId;
  return ctx.db.transaction(async (tx) => {
    const row = await findInTenant(tx, schema.roleAssignments, tenantId, input.assignmentId, 'Role assignment');
    await tx.delete(schema.roleAssignments).where(eq(schema.roleAssignments.id, row.id));
    // Both checks after the delete, inside the transaction: a refusal rolls it back, and two admins
    // removing each other's role at the same moment are serialised by the write lock.
    if (row.role === 'admin') {
      await assertKeepsAnAdmin(tx, tenantId, 'Removing this admin role');
      const own = ctx.principal.kind === 'user' && ctx.principal.personId === row.personId;
      if (own && !input.confirmOwnAdmin) {
        throw conflict(
          'This is your own admin role: without it you can no longer administer anything. Confirm to remove it (confirmOwnAdmin=true)'
        );
      }
    }
    await writeAudit(
      tx,
      { principal: ctx.principal, requestId: ctx.requestId },
      {
        action: 'role.revoke',
        objectType: 'person',
        objectId: row.personId,
        before: { assignmentId: row.id, role: row.role, teamId: row.teamId, clientId: row.clientId }
      },
      nowOf(ctx)
    );
    return { id: row.id };
  });
}
