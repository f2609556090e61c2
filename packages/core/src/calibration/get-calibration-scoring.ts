import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { schema, type DbOrTx } from '@attentive/db';
import { calibrationStatusOf } from '@attentive/shared/calibration';
import type { CalibrationScoring } from '@attentive/shared/calibration-scoring';
import type { Ctx } from '../context.ts';
import { nowOf } from '../context.ts';
import { forbidden, notFound } from '../errors.ts';
import { canScoreInSession, isParticipant } from '../policy/calibration.ts';
import type { Principal } from '../policy/principal.ts';
import { Id, parseInput } from '../evaluations/inputs.ts';
import { cachedScoreOf } from '../evaluations/cached-score.ts';
import { loadContactFacts } from '../evaluations/contact-facts.ts';
import { loadScorecardVersion } from '../evaluations/score.ts';
import { loadReadableSession, sessionCallIds } from './load-session.ts';
import { findCalibrationEvaluation } from './save-calibration-score.ts';

export const GetCalibrationScoringInput = z.object({ sessionId: Id, callId: Id });

type Evaluation = typeof schema.evaluations.$inferSelect;

/** A participant's own score as the screen shows it (the score recomputed by THE formula from the stored answers). */
export function myScoreOf(e: Evaluation, definition: Parameters<typeof cachedScoreOf>[0]) {
  const answers = (e.answers ?? {}) as Record<string, string | number>;
  return {
    evaluationId: e.id,
    status: e.status === 'submitted' ? ('submitted' as const) : ('draft' as const),
    revision: e.revision,
    version: e.version,
    answers,
    score: cachedScoreOf(definition, answers).result
  };
}

/**
 * A session the principal scores in, and the place of one call in it: participants only (a session it may not
 * read: 404; a manager who is not a participant: 403 — managers see who has scored, never what); the call must
 * be one of the session's (404).
 */
export async function loadScoringPlace(tx: DbOrTx, p: Principal, sessionId: number, callId: number) {
  const loaded = await loadReadableSession(tx, p, sessionId);
  if (!isParticipant(p, loaded.facts)) throw forbidden('Only the participants of this session score in it');
  const callIds = await sessionCallIds(tx, sessionId);
  const at = callIds.indexOf(callId);
  if (at < 0) throw notFound(`Call ${callId} in calibration session ${sessionId}`);
  return { ...loaded, callIds, at };
}

/**
 * What the blind scoring screen needs for one call of a session: the call (facts, recording flag, transcript),
 * the session's scorecard version, the participant's OWN score (never anyone else's: no other evaluation of the
 * call is read, they would bias), and where the call stands in the session (position, previous, next).
 * After the reveal it still opens, read-only (`canScore` false, status revealed).
 */
export async function getCalibrationScoring({
  ctx,
  input
}: {
  ctx: Ctx;
  input: z.input<typeof GetCalibrationScoringInput>;
}): Promise<CalibrationScoring> {
  const { sessionId, callId } = parseInput(GetCalibrationScoringInput, input);
  const p = ctx.principal;
  const { session, facts, callIds, at } = await loadScoringPlace(ctx.db, p, sessionId, callId);
  const [call] = await ctx.db
    .select({ agentId: schema.calls.agentId, programId: schema.calls.programId })
    .from(schema.calls)
    .where(eq(schema.calls.id, callId));
  const version = await loadScorecardVersion(ctx.db, p.tenantId, session.scorecardVersionId);
  const [card] = await ctx.db
    .select({ name: schema.scorecards.name })
    .from(schema.scorecards)
    .where(eq(schema.scorecards.id, version.scorecardId));
  const [contactFacts, mine] = await Promise.all([
    loadContactFacts(ctx, { callId, agentId: call!.agentId, programId: call!.programId }),
    findCalibrationEvaluation(ctx.db, { sessionId, callId, participantId: p.personId! })
  ]);
  return {
    session: {
      id: session.id,
      title: session.title,
      status: calibrationStatusOf(session, nowOf(ctx)),
      deadline: session.deadline.toISOString(),
      revealed: session.revealedAt != null
    },
    contact: contactFacts.contact,
    call: contactFacts.call!,
    transcript: contactFacts.transcript,
    scorecard: { versionId: version.id, name: card?.name ?? '', version: version.version, definition: version.definition },
    mine: mine ? myScoreOf(mine, version.definition) : null,
    canScore: canScoreInSession(p, facts),
    position: at + 1,
    total: callIds.length,
    prevCallId: callIds[at - 1] ?? null,
    nextCallId: callIds[at + 1] ?? null
  };
}

/** The participant's own score of a call as it now stands (after a save: what the screen continues from). */
export async function getMyCalibrationScore({ ctx, input }: { ctx: Ctx; input: z.input<typeof GetCalibrationScoringInput> }) {
  const { sessionId, callId } = parseInput(GetCalibrationScoringInput, input);
  const p = ctx.principal;
  const { session } = await loadScoringPlace(ctx.db, p, sessionId, callId);
  const mine = await findCalibrationEvaluation(ctx.db, { sessionId, callId, participantId: p.personId! });
  if (!mine) throw notFound(`Your score of call ${callId} in calibration session ${sessionId}`);
  const version = await loadScorecardVersion(ctx.db, p.tenantId, session.scorecardVersionId);
  return myScoreOf(mine, version.definition);
}
