import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { schema } from '@attentive/db';
import { ReassignMysteryAssignmentInput } from '@attentive/shared/mystery-plans';
import type { Ctx } from '../../context.ts';
import { nowOf } from '../../context.ts';
import { Id, parseInput } from '../../input.ts';
import { writeAudit } from '../../audit/write-audit.ts';
import { checkShoppers, requireMysteryManager } from './plan-support.ts';
import { loadPlannedAssignment } from './load-assignment.ts';

export const ReassignInput = ReassignMysteryAssignmentInput.extend({ assignmentId: Id });

/** Hands a planned mystery call to another shopper (e.g. one is ill). Completed or cancelled ones stay. */
export async function reassignMysteryAssignment({ ctx, input }: { ctx: Ctx; input: z.input<typeof ReassignInput> }) {
  requireMysteryManager(ctx);
  const data = parseInput(ReassignInput, input);
  const p = ctx.principal;
  const now = nowOf(ctx);
  return ctx.db.transaction(async (tx) => {
    const a = await loadPlannedAssignment(tx, p.tenantId, data.assignmentId);
    await checkShoppers(tx, p.tenantId, [data.shopperId], () => 'shopperId');
    if (a.shopperId === data.shopperId) return { id: a.id, shopperId: a.shopperId, status: a.status };
    await tx
      .update(schema.mysteryAssignments)
      .set({ shopperId: data.shopperId, updatedAt: now })
      .where(eq(schema.mysteryAssignments.id, a.id));
    await writeAudit(
      tx,
      ctx,
      {
        action: 'mystery_assignment.reassign',
        objectType: 'mystery_assignment',
        objectId: a.id,
        before: { shopperId: a.shopperId },
        after: { shopperId: data.shopperId }
      },
      now
    );
    return { id: a.id, shopperId: data.shopperId, status: a.status };
  });
}
