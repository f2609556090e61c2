import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { schema } from '@attentive/db';
import type { Ctx } from '../context.ts';
import { nowOf } from '../context.ts';
import { notFound } from '../errors.ts';
import { writeAudit } from '../audit/write-audit.ts';
import { Id, parseInput } from '../evaluations/inputs.ts';
import { loadSessionForCoaching } from './load-session.ts';

export const SetActionDoneInput = z.object({ actionId: Id, done: z.boolean() });

/** The agent or its coach ticks an agreed action off (or back on). */
export async function setActionDone({ ctx, input }: { ctx: Ctx; input: z.input<typeof SetActionDoneInput> }) {
  const data = parseInput(SetActionDoneInput, input);
  const p = ctx.principal;
  const now = nowOf(ctx);
  return ctx.db.transaction(async (tx) => {
    const [action] = await tx
      .select()
      .from(schema.coachingActions)
      .where(and(eq(schema.coachingActions.id, data.actionId), eq(schema.coachingActions.tenantId, p.tenantId)))
      .limit(1);
    if (!action) throw notFound(`Action ${data.actionId}`);
    await loadSessionForCoaching(tx, p, action.sessionId).catch(() => {
      throw notFound(`Action ${data.actionId}`);
    });
    const doneAt = data.done ? (action.doneAt ?? now) : null;
    await tx.update(schema.coachingActions).set({ doneAt }).where(eq(schema.coachingActions.id, action.id));
    await writeAudit(tx, { principal: p, requestId: ctx.requestId }, { action: 'coaching_action.set_done', objectType: 'coaching_action', objectId: action.id, before: { done: action.doneAt != null }, after: { done: data.done } }, now);
    return { id: action.id, doneAt: doneAt?.toISOString() ?? null };
  });
}
