import { and, eq, inArray, sql } from 'drizzle-orm';
import { schema, type DbOrTx } from '@attentive/db';
import type { Role } from '@attentive/shared';
import type { Ctx } from '../context.ts';
import { forbidden } from '../errors.ts';
import { CALIBRATION_PARTICIPANT_ROLES, canManageCalibration } from '../policy/calibration.ts';

/** What the session verbs share: who manages, people's roles, submitted counts. */

export const requireCalibrationManager = (ctx: Ctx) => {
  if (!canManageCalibration(ctx.principal))
    throw forbidden('Only admins and QA analysts (signed in as a person) manage calibration sessions');
};

export type RoleGrant = { role: Role; clientId: number | null };

/** The roles (with their client scope) of these people of the tenant, by person id. */
export async function rolesOfPeople(tx: DbOrTx, tenantId: number, personIds?: readonly number[]) {
  const rows = await tx
    .select({ personId: schema.roleAssignments.personId, role: schema.roleAssignments.role, clientId: schema.roleAssignments.clientId })
    .from(schema.roleAssignments)
    .where(
      and(
        eq(schema.roleAssignments.tenantId, tenantId),
        ...(personIds ? [inArray(schema.roleAssignments.personId, personIds.length ? [...personIds] : [-1])] : [])
      )
    );
  const out = new Map<number, RoleGrant[]>();
  for (const r of rows) out.set(r.personId, [...(out.get(r.personId) ?? []), { role: r.role as Role, clientId: r.clientId }]);
  return out;
}

/** The calibration roles among a person's roles, each once, in a fixed order (the screens group by the first). */
export const calibrationRolesOf = (grants: readonly RoleGrant[]) =>
  CALIBRATION_PARTICIPANT_ROLES.filter((r) => grants.some((g) => g.role === r));

/** Submitted scores per session (all participants), and per session for one participant when `personId` is given. */
export async function submittedBySession(tx: DbOrTx, sessionIds: readonly number[], personId?: number) {
  if (!sessionIds.length) return new Map<number, number>();
  const rows = await tx
    .select({ sessionId: schema.calibrationEvaluations.sessionId, n: sql<number>`count(*)` })
    .from(schema.calibrationEvaluations)
    .innerJoin(schema.evaluations, eq(schema.evaluations.id, schema.calibrationEvaluations.evaluationId))
    .where(
      and(
        inArray(schema.calibrationEvaluations.sessionId, [...sessionIds]),
        eq(schema.evaluations.status, 'submitted'),
        ...(personId != null ? [eq(schema.calibrationEvaluations.participantId, personId)] : [])
      )
    )
    .groupBy(schema.calibrationEvaluations.sessionId);
  return new Map(rows.map((r) => [r.sessionId, Number(r.n)]));
}

/** Row counts per session of a (session_id, …) table: calls or participants. */
export async function countBySession(
  tx: DbOrTx,
  table: typeof schema.calibrationCalls | typeof schema.calibrationParticipants,
  sessionIds: readonly number[]
) {
  if (!sessionIds.length) return new Map<number, number>();
  const rows = await tx
    .select({ sessionId: table.sessionId, n: sql<number>`count(*)` })
    .from(table)
    .where(inArray(table.sessionId, [...sessionIds]))
    .groupBy(table.sessionId);
  return new Map(rows.map((r) => [r.sessionId, Number(r.n)]));
}
