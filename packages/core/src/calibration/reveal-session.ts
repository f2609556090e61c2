import { and, eq, isNull, sql } from 'drizzle-orm';
import { z } from 'zod';
import { schema } from '@attentive/db';
import type { Ctx } from '../context.ts';
import { nowOf } from '../context.ts';
import { conflict, forbidden } from '../errors.ts';
import { writeAudit } from '../audit/write-audit.ts';
import { canFacilitate } from '../policy/calibration.ts';
import { Id, parseInput } from '../evaluations/inputs.ts';
import { loadReadableSession, sessionCallIds } from './load-session.ts';

export const RevealSessionInput = z.object({ sessionId: Id });

/** How many of the session's scores (participants × calls) are submitted. */
export async function submittedScoreCount(tx: Parameters<typeof sessionCallIds>[0], sessionId: number) {
  const [row] = await tx
    .select({ n: sql<number>`count(*)` })
    .from(schema.calibrationEvaluations)
    .innerJoin(schema.evaluations, eq(schema.evaluations.id, schema.calibrationEvaluations.evaluationId))
    .where(and(eq(schema.calibrationEvaluations.sessionId, sessionId), eq(schema.evaluations.status, 'submitted')));
  return Number(row?.n ?? 0);
}

/**
 * The facilitator reveals a session: from now on its participants see every answer side by side, and no
 * score changes. Allowed once every participant has submitted every call, or once the deadline has passed
 * (then the missing scores stay missing: the statistics handle them). Revealing twice is a 409.
 */
export async function revealSession({ ctx, input }: { ctx: Ctx; input: z.input<typeof RevealSessionInput> }) {
  const { sessionId } = parseInput(RevealSessionInput, input);
  const p = ctx.principal;
  const now = nowOf(ctx);
  return ctx.db.transaction(async (tx) => {
    const { session, facts } = await loadReadableSession(tx, p, sessionId);
    if (!canFacilitate(p, facts)) throw forbidden('Only QA analysts and admins reveal a calibration session');
    if (session.revealedAt) throw conflict(`Calibration session ${sessionId} was already revealed`);
    const expected = (await sessionCallIds(tx, sessionId)).length * facts.participantIds.length;
    const submitted = await submittedScoreCount(tx, sessionId);
    if (submitted < expected && now.getTime() < session.deadline.getTime())
      throw conflict(
        `${expected - submitted} of ${expected} scores are still missing and the deadline has not passed: reveal when everyone has scored or after the deadline`
      );
    const [row] = await tx
      .update(schema.calibrationSessions)
      .set({ revealedAt: now, revealedBy: p.label })
      .where(and(eq(schema.calibrationSessions.id, sessionId), isNull(schema.calibrationSessions.revealedAt)))
      .returning();
    if (!row) throw conflict(`Calibration session ${sessionId} was already revealed`);
    await writeAudit(
      tx,
      ctx,
      { action: 'calibration.reveal', objectType: 'calibration_session', objectId: sessionId, after: { submitted, expected } },
      now
    );
    return { sessionId, revealedAt: now.toISOString(), submitted, expected };
  });
}
