import { and, eq, inArray, isNull } from 'drizzle-orm';
import { z } from 'zod';
import { plainText } from '@attentive/shared';
import { schema } from '@attentive/db';
import { FOLLOW_UP_PROGRESS } from '@attentive/db/schema/coaching';
import type { Ctx } from '../context.ts';
import { nowOf } from '../context.ts';
import { conflict, forbidden, invalid } from '../errors.ts';
import { writeAudit } from '../audit/write-audit.ts';
import { canCoach } from '../policy/coaching.ts';
import { authorOf } from '../evaluations/actor.ts';
import { Id, parseInput } from '../evaluations/inputs.ts';
import { IsoDay } from './create-session.ts';
import { loadSessionForCoaching } from './load-session.ts';

export const AddFollowUpInput = z.object({
  sessionId: Id,
  progress: z.enum(FOLLOW_UP_PROGRESS),
  note: plainText({ min: 3, minMessage: 'write what you saw (at least 3 characters)', max: 10_000, multiline: true }),
  /** Actions of this session now done. */
  actionsDone: z.array(Id).max(50).default([]),
  /** Close the session (no further follow-up) or set the next follow-up date. */
  close: z.boolean().default(false),
  nextFollowUpOn: IsoDay.optional()
});

/** At follow-up the coach records progress, ticks off actions, and closes the session or sets the next date. */
export async function addFollowUp({ ctx, input }: { ctx: Ctx; input: z.input<typeof AddFollowUpInput> }) {
  const data = parseInput(AddFollowUpInput, input);
  const p = ctx.principal;
  const now = nowOf(ctx);
  if (data.close && data.nextFollowUpOn)
    throw invalid('Either close the session or set a next follow-up date, not both', [
      { path: 'nextFollowUpOn', message: 'not with close' }
    ]);
  return ctx.db.transaction(async (tx) => {
    const { session, scope } = await loadSessionForCoaching(tx, p, data.sessionId);
    if (!canCoach(p, scope) || p.personId === session.agentId)
      throw forbidden("Only the agent's team lead, QA or an admin records a follow-up");
    if (session.closedAt) throw conflict('This session is closed');
    if (data.actionsDone.length) {
      const rows = await tx
        .select({ id: schema.coachingActions.id })
        .from(schema.coachingActions)
        .where(and(eq(schema.coachingActions.sessionId, session.id), inArray(schema.coachingActions.id, data.actionsDone)));
      const missing = data.actionsDone.filter((id) => !rows.some((r) => r.id === id));
      if (missing.length)
        throw invalid(
          `Not actions of this session: ${missing.join(', ')}`,
          missing.map((id) => ({ path: 'actionsDone', message: `action ${id} is not part of session ${session.id}` }))
        );
      await tx
        .update(schema.coachingActions)
        .set({ doneAt: now })
        .where(and(inArray(schema.coachingActions.id, data.actionsDone), isNull(schema.coachingActions.doneAt)));
    }
    const me = authorOf(p);
    const [row] = await tx
      .insert(schema.coachingFollowUps)
      .values({ sessionId: session.id, progress: data.progress, note: data.note, authorId: me.id, authorLabel: me.label, at: now })
      .returning();
    await tx
      .update(schema.coachingSessions)
      .set({ closedAt: data.close ? now : null, followUpOn: data.nextFollowUpOn ?? session.followUpOn, updatedAt: now })
      .where(eq(schema.coachingSessions.id, session.id));
    await writeAudit(
      tx,
      ctx,
      { action: 'coaching_session.follow_up', objectType: 'coaching_session', objectId: session.id, after: data },
      now
    );
    return { id: row!.id };
  });
}
