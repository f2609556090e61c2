import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { schema } from '@attentive/db';
import type { Ctx } from '../context.ts';
import { nowOf } from '../context.ts';
import { conflict, forbidden } from '../errors.ts';
import { writeAudit } from '../audit/write-audit.ts';
import { isAgentSelf } from '../policy/coaching.ts';
import { Id, parseInput } from '../evaluations/inputs.ts';
import { loadSessionForCoaching } from './load-session.ts';

export const ConfirmSessionInput = z.object({ sessionId: Id });

/** The agent confirms the session took place as recorded (once). */
export async function confirmCoachingSession({ ctx, input }: { ctx: Ctx; input: z.input<typeof ConfirmSessionInput> }) {
  const { sessionId } = parseInput(ConfirmSessionInput, input);
  const now = nowOf(ctx);
  return ctx.db.transaction(async (tx) => {
    const { session, scope } = await loadSessionForCoaching(tx, ctx.principal, sessionId);
    if (!isAgentSelf(ctx.principal, scope)) throw forbidden('Only the coached agent confirms a session');
    if (session.agentConfirmedAt)
      throw conflict(`You confirmed this session on ${session.agentConfirmedAt.toISOString().slice(0, 10)} already`);
    await tx
      .update(schema.coachingSessions)
      .set({ agentConfirmedAt: now, updatedAt: now })
      .where(eq(schema.coachingSessions.id, session.id));
    const after = { at: now.toISOString() };
    await writeAudit(tx, ctx, { action: 'coaching_session.confirm', objectType: 'coaching_session', objectId: session.id, after }, now);
    return { id: session.id, agentConfirmedAt: now.toISOString() };
  });
}
