import { and, desc, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import { schema, type DbOrTx } from '@attentive/db';
import { calibrationStatusOf } from '@attentive/shared/calibration';
import { ListCalibrationSessionsQuery, type CalibrationSessionSummary } from '@attentive/shared/calibration-sessions';
import type { Ctx } from '../context.ts';
import { nowOf } from '../context.ts';
import { forbidden } from '../errors.ts';
import { parseInput } from '../input.ts';
import { canCalibrate, canManageCalibration, canReadCalibrationSession } from '../policy/calibration.ts';
import type { Principal } from '../policy/principal.ts';
import { countBySession, submittedBySession } from './session-support.ts';
import { resultsSealedByRescore } from './rescore-seal.ts';

type SessionRow = typeof schema.calibrationSessions.$inferSelect;

/**
 * The sessions a principal sees: managers every session of the tenant, others the sessions they take part in
 * (and may still read: an auditor whose grant was revoked no longer does). Newest first. Progress is counted,
 * never what anyone answered.
 */
export async function listCalibrationSessions({ ctx, input }: { ctx: Ctx; input?: z.input<typeof ListCalibrationSessionsQuery> }) {
  const p = ctx.principal;
  if (!canCalibrate(p)) throw forbidden('Calibration sessions are for QA analysts, admins, team leads and client auditors');
  const { status } = parseInput(ListCalibrationSessionsQuery, input ?? {});
  const s = schema.calibrationSessions;
  const mine = canManageCalibration(p)
    ? undefined
    : ctx.db
        .select({ id: schema.calibrationParticipants.sessionId })
        .from(schema.calibrationParticipants)
        .where(eq(schema.calibrationParticipants.personId, p.personId!));
  const rows = await ctx.db
    .select({ session: s })
    .from(s)
    .where(and(eq(s.tenantId, p.tenantId), ...(mine ? [inArray(s.id, mine)] : [])))
    .orderBy(desc(s.createdAt), desc(s.id));
  const items = await summariesOf(
    ctx.db,
    p,
    rows.map((r) => r.session),
    nowOf(ctx)
  );
  return { items: status ? items.filter((i) => i.status === status) : items };
}

/** Sessions as the list shows them, keeping only those the principal may read. */
export async function summariesOf(tx: DbOrTx, p: Principal, sessions: SessionRow[], now: Date): Promise<CalibrationSessionSummary[]> {
  const ids = sessions.map((x) => x.id);
  if (!ids.length) return [];
  const programs = await tx
    .select({ id: schema.programs.id, name: schema.programs.name, clientId: schema.programs.clientId, clientName: schema.clients.name })
    .from(schema.programs)
    .innerJoin(schema.clients, eq(schema.clients.id, schema.programs.clientId))
    .where(inArray(schema.programs.id, [...new Set(sessions.map((x) => x.programId))]));
  const programOf = new Map(programs.map((r) => [r.id, r]));
  const parts = await tx
    .select({ sessionId: schema.calibrationParticipants.sessionId, personId: schema.calibrationParticipants.personId })
    .from(schema.calibrationParticipants)
    .where(inArray(schema.calibrationParticipants.sessionId, ids));
  const participantsOf = new Map<number, number[]>();
  for (const r of parts) participantsOf.set(r.sessionId, [...(participantsOf.get(r.sessionId) ?? []), r.personId]);
  const facilitators = await tx
    .select({ id: schema.people.id, name: schema.people.name })
    .from(schema.people)
    .where(inArray(schema.people.id, [...new Set(sessions.map((x) => x.facilitatorId))]));
  const nameOf = new Map(facilitators.map((r) => [r.id, r.name]));
  const calls = await countBySession(tx, schema.calibrationCalls, ids);
  const submitted = await submittedBySession(tx, ids);
  const mySubmitted = p.personId != null ? await submittedBySession(tx, ids, p.personId) : new Map<number, number>();
  const sealed = await resultsSealedByRescore(tx, p, ids);
  return sessions.flatMap((x) => {
    const program = programOf.get(x.programId)!;
    const participantIds = participantsOf.get(x.id) ?? [];
    const facts = { tenantId: x.tenantId, clientId: program.clientId, revealedAt: x.revealedAt, participantIds };
    if (!canReadCalibrationSession(p, facts)) return [];
    const n = calls.get(x.id) ?? 0;
    return [
      {
        id: x.id,
        title: x.title,
        programId: x.programId,
        programName: program.name,
        clientName: program.clientName,
        status: calibrationStatusOf(x, now),
        deadline: x.deadline.toISOString(),
        createdAt: x.createdAt.toISOString(),
        revealedAt: x.revealedAt?.toISOString() ?? null,
        facilitatorId: x.facilitatorId,
        facilitatorName: nameOf.get(x.facilitatorId) ?? '',
        selection: x.selection,
        calls: n,
        participants: participantIds.length,
        submitted: submitted.get(x.id) ?? 0,
        expected: n * participantIds.length,
        isParticipant: p.personId != null && participantIds.includes(p.personId),
        mySubmitted: mySubmitted.get(x.id) ?? 0,
        resultsSealed: sealed.has(x.id)
      }
    ];
  });
}
