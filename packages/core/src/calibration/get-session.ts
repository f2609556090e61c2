import { and, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import { schema, type DbOrTx } from '@attentive/db';
import type { CalibrationSessionDetail } from '@attentive/shared/calibration-sessions';
import type { Ctx } from '../context.ts';
import { nowOf } from '../context.ts';
import { Id, parseInput } from '../input.ts';
import { canFacilitate, canScoreInSession, type CalibrationSessionFacts } from '../policy/calibration.ts';
import type { Principal } from '../policy/principal.ts';
import { agentNamer, type AgentNamer } from '../client-audit/pseudonym.ts';
import { loadReadableSession } from './load-session.ts';
import { summariesOf } from './list-sessions.ts';
import { calibrationRolesOf, rolesOfPeople } from './session-support.ts';

export const GetCalibrationSessionInput = z.object({ sessionId: Id });

/**
 * One session as its screen shows it: its calls (with the reader's own progress on each), its participants'
 * progress (how many calls each submitted — never an answer or a score: those are in the results, after the
 * reveal) and what the reader may do (score, reveal, and why not). Unreadable: NOT_FOUND.
 */
export async function getCalibrationSession({ ctx, input }: { ctx: Ctx; input: z.input<typeof GetCalibrationSessionInput> }) {
  const { sessionId } = parseInput(GetCalibrationSessionInput, input);
  const { session, facts } = await loadReadableSession(ctx.db, ctx.principal, sessionId);
  return sessionDetail(ctx.db, ctx.principal, session, facts, nowOf(ctx), await agentNamer(ctx));
}

export async function sessionDetail(
  tx: DbOrTx,
  p: Principal,
  session: typeof schema.calibrationSessions.$inferSelect,
  facts: CalibrationSessionFacts,
  now: Date,
  /** How the reader names the calls' agents (a client's auditor may see pseudonyms); participants are not agents. */
  named: AgentNamer
): Promise<CalibrationSessionDetail> {
  const [summary] = await summariesOf(tx, p, [session], now);
  const [version] = await tx
    .select({ version: schema.scorecardVersions.version, name: schema.scorecards.name })
    .from(schema.scorecardVersions)
    .innerJoin(schema.scorecards, eq(schema.scorecards.id, schema.scorecardVersions.scorecardId))
    .where(eq(schema.scorecardVersions.id, session.scorecardVersionId));
  const calls = await tx
    .select({
      position: schema.calibrationCalls.position,
      callId: schema.calls.id,
      startedAt: schema.calls.startedAt,
      agentId: schema.people.id,
      agentName: schema.people.name,
      talkSeconds: schema.calls.talkSeconds,
      queueName: schema.queues.name,
      recordingPath: schema.calls.recordingPath
    })
    .from(schema.calibrationCalls)
    .innerJoin(schema.calls, eq(schema.calls.id, schema.calibrationCalls.callId))
    .innerJoin(schema.people, eq(schema.people.id, schema.calls.agentId))
    .leftJoin(schema.queues, eq(schema.queues.id, schema.calls.queueId))
    .where(eq(schema.calibrationCalls.sessionId, session.id))
    .orderBy(schema.calibrationCalls.position);
  // Status only (submitted or not) of every participant's score: the answers stay sealed until the reveal.
  const states = await tx
    .select({
      callId: schema.calibrationEvaluations.callId,
      participantId: schema.calibrationEvaluations.participantId,
      status: schema.evaluations.status
    })
    .from(schema.calibrationEvaluations)
    .innerJoin(schema.evaluations, eq(schema.evaluations.id, schema.calibrationEvaluations.evaluationId))
    .where(eq(schema.calibrationEvaluations.sessionId, session.id));
  const myState = new Map(
    states.filter((s) => s.participantId === p.personId).map((s) => [s.callId, s.status === 'submitted' ? 'submitted' : 'draft'] as const)
  );
  const submittedOf = new Map<number, number>();
  for (const s of states) if (s.status === 'submitted') submittedOf.set(s.participantId, (submittedOf.get(s.participantId) ?? 0) + 1);
  const people = facts.participantIds.length
    ? await tx
        .select({ id: schema.people.id, name: schema.people.name })
        .from(schema.people)
        .where(and(eq(schema.people.tenantId, facts.tenantId), inArray(schema.people.id, [...facts.participantIds])))
        .orderBy(schema.people.name)
    : [];
  const roles = await rolesOfPeople(tx, facts.tenantId, facts.participantIds);

  const s = summary!;
  const missing = s.expected - s.submitted;
  const revealable = session.revealedAt == null && (missing <= 0 || session.deadline.getTime() <= now.getTime());
  const facilitates = canFacilitate(p, facts);
  return {
    ...s,
    scorecardVersionId: session.scorecardVersionId,
    scorecardName: version?.name ?? '',
    scorecardVersion: version?.version ?? 0,
    drawFrom: session.drawFrom?.toISOString() ?? null,
    drawTo: session.drawTo?.toISOString() ?? null,
    drawSeed: session.drawSeed,
    callList: calls.map((c) => ({
      position: c.position,
      callId: c.callId,
      startedAt: c.startedAt.toISOString(),
      agentName: named({ id: c.agentId, name: c.agentName }).name,
      talkSeconds: c.talkSeconds,
      queueName: c.queueName,
      hasRecording: c.recordingPath != null,
      myState: myState.get(c.callId) ?? 'none'
    })),
    participantList: people.map((x) => ({
      personId: x.id,
      name: x.name,
      roles: calibrationRolesOf(roles.get(x.id) ?? []),
      submitted: submittedOf.get(x.id) ?? 0
    })),
    isFacilitator: p.personId != null && p.personId === session.facilitatorId,
    canScore: canScoreInSession(p, facts),
    revealable,
    canReveal: revealable && facilitates,
    revealBlock: session.revealedAt != null ? 'revealed' : !facilitates ? 'not_facilitator' : !revealable ? 'missing_scores' : null,
    missing: Math.max(0, missing)
  };
}
