import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { schema } from '@attentive/db';
import type { Ctx } from '../context.ts';
import { nowOf } from '../context.ts';
import { forbidden, notFound } from '../errors.ts';
import { canCoach, isAgentSelf } from '../policy/coaching.ts';
import { writeAudit } from '../audit/write-audit.ts';
import { Id, parseInput } from '../evaluations/inputs.ts';
import { loadSessionForCoaching } from './load-session.ts';

export const SetActionDoneInput = z.object({ actionId: Id, done: z.boolean() });

/** The agent ticks its own agreed actions off (or back on); its coach any action of the session. */
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
    const { scope } = await loadSessionForCoaching(tx, p, action.sessionId).catch(() => {
      throw notFound(`Action ${data.actionId}`);
    });
    // The agent ticks off its own actions; the coach's are the coach's to tick.
    if (isAgentSelf(p, scope) && !canCoach(p, scope) && action.owner !== 'agent')
      throw forbidden("This action is your coach's to tick off");
    const doneAt = data.done ? (action.doneAt ?? now) : null;
    await tx.update(schema.coachingActions).set({ doneAt }).where(eq(schema.coachingActions.id, action.id));
    await writeAudit(
      tx,
      { principal: p, requestId: ctx.requestId },
      {
        action: 'coaching_action.set_done',
        objectType: 'coaching_action',
        objectId: action.id,
        before: { done: action.doneAt != null },
        after: { done: data.done }
      },
      now
    );
    return { id: action.id, doneAt: doneAt?.toISOString() ?? null };
  });
}
