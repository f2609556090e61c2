import { and, eq } from 'drizzle-orm';
import { schema, type DbOrTx } from '@attentive/db';
import { notFound } from '../errors.ts';
import type { Principal } from '../policy/principal.ts';
import { canReadCalibrationSession, type CalibrationSessionFacts } from '../policy/calibration.ts';

export type CalibrationSessionRow = typeof schema.calibrationSessions.$inferSelect;

/** A session of the tenant with the facts the policy decides on (its program's client, its participants). Missing or foreign: NOT_FOUND. */
export async function loadSessionFacts(tx: DbOrTx, tenantId: number, sessionId: number) {
  const [row] = await tx
    .select({ session: schema.calibrationSessions, clientId: schema.programs.clientId })
    .from(schema.calibrationSessions)
    .innerJoin(schema.programs, eq(schema.programs.id, schema.calibrationSessions.programId))
    .where(and(eq(schema.calibrationSessions.id, sessionId), eq(schema.calibrationSessions.tenantId, tenantId)));
  if (!row) throw notFound(`Calibration session ${sessionId}`);
  const participants = await tx
    .select({ personId: schema.calibrationParticipants.personId })
    .from(schema.calibrationParticipants)
    .where(eq(schema.calibrationParticipants.sessionId, sessionId));
  const facts: CalibrationSessionFacts = {
    tenantId,
    clientId: row.clientId,
    revealedAt: row.session.revealedAt,
    participantIds: participants.map((r) => r.personId)
  };
  return { session: row.session, facts };
}

/** A session the principal may read (else NOT_FOUND: a session one may not see tells nothing, not even that it exists). */
export async function loadReadableSession(tx: DbOrTx, p: Principal, sessionId: number) {
  const loaded = await loadSessionFacts(tx, p.tenantId, sessionId);
  if (!canReadCalibrationSession(p, loaded.facts)) throw notFound(`Calibration session ${sessionId}`);
  return loaded;
}

/** The session's calls in the order the participants see them. */
export async function sessionCallIds(tx: DbOrTx, sessionId: number): Promise<number[]> {
  const rows = await tx
    .select({ callId: schema.calibrationCalls.callId })
    .from(schema.calibrationCalls)
    .where(eq(schema.calibrationCalls.sessionId, sessionId))
    .orderBy(schema.calibrationCalls.position);
  return rows.map((r) => r.callId);
}
