import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { schema } from '@attentive/db';
import { nowOf, type Ctx } from '../../context.ts';
import { writeAudit } from '../../audit/write-audit.ts';
import { Id, parseInput } from '../../input.ts';
import { loadClaimedItem, requireCaller } from './queue-support.ts';

export const ReleaseItemInput = z.object({ itemId: Id });

/** Gives an item back to the queue untried (the caller stops, or picked the wrong one). Audited. */
export async function releaseSurveyItem({ ctx, input }: { ctx: Ctx; input: z.input<typeof ReleaseItemInput> }) {
  const me = requireCaller(ctx);
  const { itemId } = parseInput(ReleaseItemInput, input);
  const now = nowOf(ctx);
  return ctx.db.transaction(async (tx) => {
    await loadClaimedItem(tx, ctx, itemId);
    const items = schema.callbackItems;
    await tx
      .update(items)
      .set({ claimedBy: null, claimedAt: null })
      .where(and(eq(items.id, itemId), eq(items.claimedBy, me)));
    await writeAudit(tx, ctx, { action: 'callback_item.release', objectType: 'callback_item', objectId: itemId }, now);
    return { itemId };
  });
}
