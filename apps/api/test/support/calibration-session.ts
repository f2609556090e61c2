import { eq } from 'drizzle-orm';
import { schema, type Db } from '@attentive/db';
import type { AnswerValue } from '@attentive/shared/scorecard';
import type { Grant } from '@attentive/core';
import { currentScorecardVersion } from '@attentive/core/evaluations/score';
import { saveCalibrationScore } from '@attentive/core/calibration/save-calibration-score';

/** A participant as the fixture needs it: its person id and the grants it acts with (for the scoring writer). */
export type FixtureParticipant = { personId: number; grants: Grant[]; label?: string };

/**
 * A calibration session stored straight in the database (session, calls, participants), with scores made
 * through THE writer (`saveCalibrationScore`), so tests of the session list, the scoring screen and the results
 * need a session, not the session form. `scores[i][callId]` = participant i's answers for that call (submitted);
 * `drafts` the same but saved only. `revealed`: set revealed_at (as the reveal verb does) after the scores.
 * The program's current published scorecard version is used unless `scorecardVersionId` is given.
 */
export async function calibrationSession(
  db: Db,
  o: {
    tenantId: number;
    programId: number;
    callIds: number[];
    facilitatorId: number;
    participants: FixtureParticipant[];
    title?: string;
    deadline?: Date;
    scorecardVersionId?: number;
    scores?: Record<number, Record<string, AnswerValue>>[];
    drafts?: Record<number, Record<string, AnswerValue>>[];
    revealed?: boolean;
    now?: Date;
  }
) {
  const now = o.now ?? new Date();
  const versionId = o.scorecardVersionId ?? (await currentScorecardVersion(db, o.tenantId, o.programId)).version.id;
  const [session] = await db
    .insert(schema.calibrationSessions)
    .values({
      tenantId: o.tenantId,
      programId: o.programId,
      scorecardVersionId: versionId,
      title: o.title ?? 'Fixture calibration',
      facilitatorId: o.facilitatorId,
      deadline: o.deadline ?? new Date(now.getTime() + 7 * 86_400_000),
      selection: 'chosen',
      createdAt: now,
      createdBy: 'test'
    })
    .returning();
  const sessionId = session!.id;
  await db.insert(schema.calibrationCalls).values(o.callIds.map((callId, position) => ({ sessionId, callId, position })));
  await db.insert(schema.calibrationParticipants).values(o.participants.map((p) => ({ sessionId, personId: p.personId })));
  const ctxOf = (p: FixtureParticipant) => ({
    db,
    now: () => now,
    principal: {
      kind: 'user' as const,
      tenantId: o.tenantId,
      label: p.label ?? `user:p${p.personId}@test`,
      personId: p.personId,
      grants: p.grants
    }
  });
  for (const [kind, list] of [
    ['draft', o.drafts],
    ['submitted', o.scores]
  ] as const)
    for (const [i, byCall] of (list ?? []).entries())
      for (const [callId, answers] of Object.entries(byCall ?? {}))
        await saveCalibrationScore({
          ctx: ctxOf(o.participants[i]!),
          input: { sessionId, callId: Number(callId), answers, submit: kind === 'submitted' }
        });
  if (o.revealed)
    await db
      .update(schema.calibrationSessions)
      .set({ revealedAt: now, revealedBy: 'test' })
      .where(eq(schema.calibrationSessions.id, sessionId));
  return { sessionId, scorecardVersionId: versionId };
}
