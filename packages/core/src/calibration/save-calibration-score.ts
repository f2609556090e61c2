import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { schema, type DbOrTx } from '@attentive/db';
import type { Ctx } from '../context.ts';
import { nowOf } from '../context.ts';
import { conflict, forbidden, notFound } from '../errors.ts';
import { writeAudit } from '../audit/write-audit.ts';
import { canScoreInSession, isParticipant } from '../policy/calibration.ts';
import type { Principal } from '../policy/principal.ts';
import { AnswersInput, Id, parseInput } from '../evaluations/inputs.ts';
import { expectVersion } from '../evaluations/load-for-change.ts';
import { cachedScoreOf } from '../evaluations/cached-score.ts';
import { compactAnswers, loadScorecardVersion, scoreAnswers } from '../evaluations/score.ts';
import { loadReadableSession } from './load-session.ts';

export const SaveCalibrationScoreInput = z.object({
  sessionId: Id,
  callId: Id,
  answers: AnswersInput,
  /** Submit: every required item answered. A submitted score can still be changed (a new revision) until the reveal. */
  submit: z.boolean().default(false),
  /** The evaluation version the editor read (stale → 409); leave out on the first save. */
  version: Id.optional()
});

/** The participant's calibration evaluation of a call of a session, if it has one. */
export async function findCalibrationEvaluation(tx: DbOrTx, o: { sessionId: number; callId: number; participantId: number }) {
  const [row] = await tx
    .select({ evaluation: schema.evaluations })
    .from(schema.calibrationEvaluations)
    .innerJoin(schema.evaluations, eq(schema.evaluations.id, schema.calibrationEvaluations.evaluationId))
    .where(
      and(
        eq(schema.calibrationEvaluations.sessionId, o.sessionId),
        eq(schema.calibrationEvaluations.callId, o.callId),
        eq(schema.calibrationEvaluations.participantId, o.participantId)
      )
    );
  return row?.evaluation ?? null;
}

/**
 * THE writer of calibration scores: a participant saves (or submits) its answers for one call of a session.
 * The evaluation (kind 'calibration', the session's scorecard version) is made on the first save; it never
 * counts toward the agent and is sealed from everyone else until the reveal (evaluations/kinds.ts). After the
 * reveal nothing changes (409): the answers compared are the answers given blind.
 */
export async function saveCalibrationScore({ ctx, input }: { ctx: Ctx; input: z.input<typeof SaveCalibrationScoreInput> }) {
  const data = parseInput(SaveCalibrationScoreInput, input);
  const p = ctx.principal;
  const now = nowOf(ctx);
  return ctx.db.transaction(async (tx) => {
    const { session, facts } = await loadReadableSession(tx, p, data.sessionId);
    if (!isParticipant(p, facts)) throw forbidden('Only the participants of this session score in it');
    if (!canScoreInSession(p, facts)) throw conflict(`Calibration session ${session.id} was revealed: its scores no longer change`);
    const [inSession] = await tx
      .select({ callId: schema.calibrationCalls.callId })
      .from(schema.calibrationCalls)
      .where(and(eq(schema.calibrationCalls.sessionId, session.id), eq(schema.calibrationCalls.callId, data.callId)));
    if (!inSession) throw notFound(`Call ${data.callId} in calibration session ${session.id}`);

    const version = await loadScorecardVersion(tx, p.tenantId, session.scorecardVersionId);
    const existing = await findCalibrationEvaluation(tx, { sessionId: session.id, callId: data.callId, participantId: p.personId! });
    if (existing && data.version != null) expectVersion(existing.version, data.version, 'This score');
    // A submitted score changes only as a new revision (submit again), so what was compared can be traced.
    if (existing?.status === 'submitted' && !data.submit)
      throw conflict('This score is submitted: change it by submitting again (a new revision), not by saving a draft');
    const merged = compactAnswers({ ...((existing?.answers ?? {}) as Record<string, never>), ...data.answers });
    const { result, cached, revision: scored } = scoreAnswers(version.definition, merged, { requireComplete: data.submit });
    const evaluation = existing ?? (await createCalibrationEvaluation(tx, p, { session, callId: data.callId, now }));
    const status = data.submit ? 'submitted' : evaluation.status;
    const revision = data.submit ? evaluation.revision + 1 : evaluation.revision;
    if (data.submit)
      await tx.insert(schema.evaluationRevisions).values({
        evaluationId: evaluation.id,
        revision,
        answers: merged,
        ...scored,
        authorId: p.personId ?? null,
        authorLabel: p.label,
        at: now,
        reason: evaluation.status === 'submitted' ? 'changed before the reveal' : null
      });
    const [row] = await tx
      .update(schema.evaluations)
      .set({
        answers: merged,
        ...cached,
        status,
        revision,
        submittedAt: data.submit ? now : evaluation.submittedAt,
        version: evaluation.version + 1,
        updatedAt: now
      })
      .where(eq(schema.evaluations.id, evaluation.id))
      .returning();
    if (data.submit)
      await writeAudit(
        tx,
        ctx,
        {
          action: 'calibration.score',
          objectType: 'evaluation',
          objectId: evaluation.id,
          after: { sessionId: session.id, callId: data.callId, revision, overallScore: result.score }
        },
        now
      );
    return { evaluationId: row!.id, status: row!.status, version: row!.version, score: result };
  });
}

async function createCalibrationEvaluation(
  tx: DbOrTx,
  p: Principal,
  o: { session: { id: number; programId: number; scorecardVersionId: number }; callId: number; now: Date }
) {
  const [call] = await tx.select({ agentId: schema.calls.agentId }).from(schema.calls).where(eq(schema.calls.id, o.callId));
  const version = await loadScorecardVersion(tx, p.tenantId, o.session.scorecardVersionId);
  const [row] = await tx
    .insert(schema.evaluations)
    .values({
      tenantId: p.tenantId,
      callId: o.callId,
      agentId: call!.agentId,
      programId: o.session.programId,
      scorecardVersionId: o.session.scorecardVersionId,
      evaluatorId: p.personId,
      evaluatorLabel: p.label,
      kind: 'calibration',
      status: 'draft',
      answers: {},
      ...cachedScoreOf(version.definition, {}).cached,
      createdAt: o.now,
      updatedAt: o.now
    })
    .returning();
  await tx
    .insert(schema.calibrationEvaluations)
    .values({ sessionId: o.session.id, callId: o.callId, participantId: p.personId!, evaluationId: row!.id });
  return row!;
}
