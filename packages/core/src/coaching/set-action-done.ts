import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { schema } from '@attentive/db';
import type { Ctx } from '../context.ts';
import { nowOf } from '../context.ts';
import { forbidden } from '../errors.ts';
import { findInTenant } from '../access/scoped.ts';
import { canCoach, isAgentSelf } from '../policy/coaching.ts';
import { writeAudit } from '../audit/write-audit.ts';
import { Id, parseInput } from '../evaluations/inputs.ts';
import { loadSessionForCoaching } from './load-session.ts';
import { hiddenAsNotFound } from './scope.ts';

export const SetActionDoneInput = z.object({ actionId: Id, done: z.boolean() });

/** The agent ticks its own agreed actions off (or back on); its coach any action of the session. */
export async function setActionDone({ ctx, input }: { ctx: Ctx; input: z.input<typeof SetActionDoneInput> }) {
  const data = parseInput(SetActionDoneInput, input);
  const p = ctx.principal;
  const now = nowOf(ctx);
  return ctx.db.transaction(async (tx) => {
    const action = await findInTenant(tx, schema.coachingActions, p.tenantId, data.actionId, 'Action');
    const { scope } = await hiddenAsNotFound(loadSessionForCoaching(tx, p, action.sessionId), `Action ${data.actionId}`);
    // The agent ticks off its own actions; the coach's are the coach's to tick.
    if (isAgentSelf(p, scope) && !canCoach(p, scope) && action.owner !== 'agent')
      throw forbidden("This action is your coach's to tick off");
    const doneAt = data.done ? (action.doneAt ?? now) : null;
    await tx.update(schema.coachingActions).set({ doneAt }).where(eq(schema.coachingActions.id, action.id));
    const before = { done: action.doneAt != null };
    const after = { done: data.done };
    await writeAudit(
      tx,
      ctx,
      { action: 'coaching_action.set_done', objectType: 'coaching_action', objectId: action.id, before, after },
      now
    );
    return { id: action.id, doneAt: doneAt?.toISOString() ?? null };
  });
}
