import type { Role } from '@attentive/shared';
import { type Principal, clientIdsAudited, hasRole } from './principal.ts';

/**
 * Who may do what in calibration (docs/calibration.md). One module; every calibration verb asks it.
 * - Managers (admins and QA analysts, people only) make sessions, see every session of the tenant, reveal
 *   them and record the agreed answers. They see who has scored before the reveal, never what.
 * - Participants (team leads, QA analysts, admins, and client auditors of the program's client) see the
 *   sessions they take part in and score its calls blind; after the reveal they see every answer.
 * - Agents never take part and never see a session; tokens never do either.
 * Before the reveal nobody — manager or participant — reads another participant's answers (`canReadAnswers`).
 */

/** What the rules need to know of a session. */
export type CalibrationSessionFacts = {
  tenantId: number;
  clientId: number;
  revealedAt: Date | null;
  participantIds: readonly number[];
};

/** The roles that may score in a calibration session (a client auditor only for its own client's programs). */
export const CALIBRATION_PARTICIPANT_ROLES = ['admin', 'qa_analyst', 'team_lead', 'client_auditor'] as const satisfies readonly Role[];

const isPerson = (p: Principal) => p.kind === 'user' && p.personId != null;

/** Make sessions, see them all, reveal, record the agreed answers. */
export const canManageCalibration = (p: Principal) => isPerson(p) && (hasRole(p, 'admin') || hasRole(p, 'qa_analyst'));

/** The principal takes part in the session. */
export const isParticipant = (p: Principal, s: CalibrationSessionFacts) =>
  isPerson(p) && p.tenantId === s.tenantId && s.participantIds.includes(p.personId!);

/**
 * A person may be made a participant of a session of this client's program: staff who score (admin, QA,
 * team lead) or an auditor of this client. Agents never (a calibration is about the evaluators, not them).
 */
export function mayParticipate(roles: readonly { role: Role; clientId?: number | null }[], clientId: number): boolean {
  return roles.some((g) =>
    g.role === 'client_auditor' ? g.clientId === clientId : (CALIBRATION_PARTICIPANT_ROLES as readonly Role[]).includes(g.role)
  );
}

export function canReadCalibrationSession(p: Principal, s: CalibrationSessionFacts): boolean {
  if (p.tenantId !== s.tenantId) return false;
  if (canManageCalibration(p)) return true;
  // A participant who is an auditor (and no staff) reads it only while it audits this client: a revoked grant ends it.
  const staff = hasRole(p, 'admin') || hasRole(p, 'qa_analyst') || hasRole(p, 'team_lead');
  return isParticipant(p, s) && (staff || clientIdsAudited(p).includes(s.clientId));
}

/** Score (save or submit one's own answers) in the session: a participant, until the reveal. */
export const canScoreInSession = (p: Principal, s: CalibrationSessionFacts) =>
  s.revealedAt == null && isParticipant(p, s) && canReadCalibrationSession(p, s);

/** Read the other participants' answers: only after the reveal, and only who may read the session. */
export const canReadAnswers = (p: Principal, s: CalibrationSessionFacts) => s.revealedAt != null && canReadCalibrationSession(p, s);

/** Reveal, record the agreed answers and notes: managers of the tenant. */
export const canFacilitate = (p: Principal, s: Pick<CalibrationSessionFacts, 'tenantId'>) =>
  p.tenantId === s.tenantId && canManageCalibration(p);

/** Open the calibration screens at all: managers, and anyone who may take part in a session. */
export const canCalibrate = (p: Principal) =>
  isPerson(p) && (canManageCalibration(p) || hasRole(p, 'team_lead') || hasRole(p, 'client_auditor'));

/**
 * Whose deviation from the agreed answers (and its drift across sessions) a principal may read: managers every
 * evaluator's; a participant its own only.
 */
export const evaluatorStatsScope = (p: Principal): 'all' | { personId: number } | null =>
  canManageCalibration(p) ? 'all' : canCalibrate(p) ? { personId: p.personId! } : null;
