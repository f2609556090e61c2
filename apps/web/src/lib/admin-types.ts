import { m } from '$lib/paraglide/messages';

/**
 * Each role's name as a message function (called where it is shown, so it follows the page's language).
 * Listed one by one, not looked up by key name, so a bundle holds only these.
 */
export const ROLE_LABEL: Record<string, () => string> = {
  admin: m.role_admin,
  qa_analyst: m.role_qa_analyst,
  team_lead: m.role_team_lead,
  agent: m.role_agent,
  client_auditor: m.role_client_auditor,
  mystery_shopper: m.role_mystery_shopper,
  survey_caller: m.role_survey_caller,
  integration: m.role_integration
};

/** A role's name in the page's language; a role this screen does not know yet is shown as the API sends it. */
export const roleLabel = (role: string): string => (Object.hasOwn(ROLE_LABEL, role) ? ROLE_LABEL[role]!() : role);

/** Roles an admin can give a person, and the scope each one needs. */
export const ASSIGNABLE: { role: string; scope: 'none' | 'team' | 'client' }[] = [
  { role: 'admin', scope: 'none' },
  { role: 'qa_analyst', scope: 'none' },
  { role: 'team_lead', scope: 'team' },
  { role: 'agent', scope: 'none' },
  { role: 'client_auditor', scope: 'client' },
  { role: 'mystery_shopper', scope: 'none' },
  { role: 'survey_caller', scope: 'none' }
];
