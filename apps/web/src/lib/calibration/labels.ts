import { m } from '$lib/paraglide/messages';

/** Words for a session's status (never colour alone: the badge carries the word). */
export function sessionStatusBadge(status: 'open' | 'overdue' | 'revealed') {
  if (status === 'open') return { text: m.calibration_sessions_status_open(), tone: 'chip' };
  if (status === 'overdue') return { text: m.calibration_sessions_status_overdue(), tone: 'warn' };
  return { text: m.calibration_sessions_status_revealed(), tone: 'ok' };
}

/** A participant's own state on one call, in words. */
export function scoreStateText(state: 'none' | 'draft' | 'submitted') {
  if (state === 'submitted') return m.calibration_sessions_state_submitted();
  if (state === 'draft') return m.calibration_sessions_state_draft();
  return m.calibration_sessions_state_none();
}

const ROLE_TEXT: Record<string, () => string> = {
  admin: m.role_admin,
  qa_analyst: m.role_qa_analyst,
  team_lead: m.role_team_lead,
  client_auditor: m.role_client_auditor
};

/** The roles of a participant as one label: "Team lead, QA analyst". */
export const rolesText = (roles: readonly string[]) => roles.map((r) => (ROLE_TEXT[r] ?? (() => r))()).join(', ');

/** The participant groups of the form, in the order the form shows them; a person is in the group of its highest role. */
export const PARTICIPANT_GROUPS = ['team_lead', 'qa_analyst', 'admin', 'client_auditor'] as const;
const RANK = ['admin', 'qa_analyst', 'team_lead', 'client_auditor'];
export const groupOf = (roles: readonly string[]) =>
  (RANK.find((r) => roles.includes(r)) ?? 'client_auditor') as (typeof PARTICIPANT_GROUPS)[number];
export function groupTitle(g: (typeof PARTICIPANT_GROUPS)[number]) {
  if (g === 'team_lead') return m.calibration_sessions_group_leads();
  if (g === 'qa_analyst') return m.calibration_sessions_group_qa();
  if (g === 'admin') return m.calibration_sessions_group_admins();
  return m.calibration_sessions_group_auditors();
}
