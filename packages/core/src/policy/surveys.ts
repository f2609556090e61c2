import { type Principal, clientIdsAudited, hasRole } from './principal.ts';
import { canCoach, type AgentScope } from './coaching.ts';

/**
 * Who may do what with callback surveys. One module, used by every survey verb and by capabilitiesOf.
 * - Admins and QA analysts keep survey templates and callback plans, draw callback lists, send links.
 * - A survey caller works the callback queue: it sees an item's call date, program and reason — never the
 *   evaluation scores — and the customer's phone number / e-mail address only while it works that item
 *   (claimedBy = itself). Another caller's claimed item does not exist for it (NOT_FOUND).
 * - Survey results (program-level figures: CSAT, FCR, CES, NPS, response and reach rates): admins, QA
 *   analysts and team leads for every program; client auditors for their own clients' programs only.
 *   Per-agent figures (the QA-versus-customer view) follow coaching: coaches of the agent.
 * - Low-score alerts (service recovery) go to the agent's coaches: its team lead, admins, QA analysts.
 * - A respondent has no principal: the public link's token is its only key (routes/surveys/public).
 * API tokens do none of this.
 */
export const canManageSurveys = (p: Principal) => p.kind !== 'token' && (hasRole(p, 'admin') || hasRole(p, 'qa_analyst'));

/** A survey caller with a person record (items are claimed by people). */
export const isSurveyCaller = (p: Principal) => p.kind !== 'token' && p.personId != null && hasRole(p, 'survey_caller');

/** Working one item (seeing its contact details, recording attempts and answers): the caller that claimed it. */
export function canWorkCallbackItem(p: Principal, item: { tenantId: number; claimedBy: number | null }): boolean {
  if (p.tenantId !== item.tenantId || !isSurveyCaller(p)) return false;
  return item.claimedBy === p.personId;
}

/** The clients whose programs' survey results a principal may read: 'all', or a list (client auditors). */
export function surveyResultClientIds(p: Principal): 'all' | number[] {
  if (p.kind === 'token') return [];
  if (canManageSurveys(p) || hasRole(p, 'team_lead')) return 'all';
  return clientIdsAudited(p);
}

/** Reading survey results at all (the screen); which programs: `surveyResultClientIds`. */
export const canReadSurveyResults = (p: Principal) => {
  const ids = surveyResultClientIds(p);
  return ids === 'all' || ids.length > 0;
};

/** Reading the survey results of one program (of client `clientId`). */
export function canReadProgramSurveyResults(p: Principal, program: { tenantId: number; clientId: number }): boolean {
  if (p.tenantId !== program.tenantId) return false;
  const ids = surveyResultClientIds(p);
  return ids === 'all' || ids.includes(program.clientId);
}

/** Seeing and handling low-score alerts at all (the screen); which agents: coachingVisibility. */
export const canHandleSurveyAlerts = (p: Principal) => p.kind !== 'token' && (canManageSurveys(p) || hasRole(p, 'team_lead'));

/** Seeing and handling one alert (about agent `s`): the agent's coaches. */
export const canHandleSurveyAlert = (p: Principal, s: AgentScope) => canHandleSurveyAlerts(p) && canCoach(p, s);

/**
 * Reading survey templates (the library with every version): those who keep them. A survey caller reads the
 * version of the item it works through its queue, a respondent through its link, results readers the figures
 * per kind — none of them needs the library itself.
 */
export const canReadSurveyTemplates = (p: Principal) => canManageSurveys(p);

/**
 * The QA-next-to-customers view per agent: the agents' coaches (admins, QA analysts, team leads for their
 * teams' agents — coachingVisibility says which). Client auditors read program-level figures only.
 */
export const canReadAgentSurveyResults = (p: Principal) => canHandleSurveyAlerts(p);
