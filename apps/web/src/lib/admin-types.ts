/** Labels and choices of the admin screens (the API's answers are typed by the RPC client). */
export const ROLE_LABEL: Record<string, string> = {
  admin: 'Admin',
  qa_analyst: 'QA analyst',
  team_lead: 'Team lead',
  agent: 'Agent',
  client_auditor: 'Client auditor',
  mystery_shopper: 'Mystery shopper',
  survey_caller: 'Survey caller',
  integration: 'Integration'
};
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
