import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { schema } from '@attentive/db';
import type { Ctx } from '../../context.ts';
import { nowOf } from '../../context.ts';
import { Id, parseInput } from '../../input.ts';
import { writeAudit } from '../../audit/write-audit.ts';
import { requireMysteryManager } from './plan-support.ts';
import { loadPlannedAssignment } from './load-assignment.ts';

export const CancelInput = z.object({ assignmentId: Id });

/** Cancels a planned mystery call: it stays listed, as cancelled, and counts in no figure. */
export async function cancelMysteryAssignment({ ctx, input }: { ctx: Ctx; input: z.input<typeof CancelInput> }) {
  requireMysteryManager(ctx);
  const data = parseInput(CancelInput, input);
  const now = nowOf(ctx);
  return ctx.db.transaction(async (tx) => {
    const a = await loadPlannedAssignment(tx, ctx.principal.tenantId, data.assignmentId);
    await tx.update(schema.mysteryAssignments).set({ status: 'cancelled', updatedAt: now }).where(eq(schema.mysteryAssignments.id, a.id));
    await writeAudit(
      tx,
      ctx,
      {
        action: 'mystery_assignment.cancel',
        objectType: 'mystery_assignment',
        objectId: a.id,
        before: { status: a.status },
        after: { status: 'cancelled' }
      },
      now
    );
    return { id: a.id, shopperId: a.shopperId, status: 'cancelled' as const };
  });
}
