/** Shapes of the admin API answers the admin screens read (see /api/docs, tag Admin). */
export type Team = { id: number; code: string; name: string };
export type Client = { id: number; code: string; name: string };
export type Program = { id: number; code: string; name: string; clientId: number; disputeWindowDays: number };
export type RoleAssignment = { id: number; role: string; teamId: number | null; clientId: number | null; programId: number | null };
export type PersonRow = {
  id: number; code: string; name: string; email: string | null; teamId: number | null; hireDate: string | null; leftDate: string | null;
  hasAccount: boolean; accountEmail: string | null; roles: RoleAssignment[];
};
export type Person = Omit<PersonRow, 'hasAccount' | 'accountEmail'> & { account: { email: string } | null };
export type ApiToken = { id: number; name: string; prefix: string; programId: number | null; clientId: number | null; createdAt: string; lastUsedAt: string | null; revokedAt: string | null };

export const ROLE_LABEL: Record<string, string> = {
  admin: 'Admin', qa_analyst: 'QA analyst', team_lead: 'Team lead', agent: 'Agent', client_auditor: 'Client auditor',
  mystery_shopper: 'Mystery shopper', survey_caller: 'Survey caller', integration: 'Integration'
};
/** Roles an admin can give a person, and the scope each one needs. */
export const ASSIGNABLE: { role: string; scope: 'none' | 'team' | 'client' }[] = [
  { role: 'admin', scope: 'none' }, { role: 'qa_analyst', scope: 'none' }, { role: 'team_lead', scope: 'team' }, { role: 'agent', scope: 'none' },
  { role: 'client_auditor', scope: 'client' }, { role: 'mystery_shopper', scope: 'none' }, { role: 'survey_caller', scope: 'none' }
];
