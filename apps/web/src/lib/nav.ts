/** The main navigation. Each area adds its entry; `roles` says who sees it (empty: everyone signed in). */
export type NavItem = { href: string; label: string; roles: string[] };

export const NAV: NavItem[] = [
  { href: '/work', label: 'Work', roles: ['admin', 'qa_analyst', 'team_lead'] },
  { href: '/calls', label: 'Calls', roles: ['admin', 'qa_analyst', 'team_lead', 'agent', 'client_auditor'] },
  { href: '/scorecards', label: 'Scorecards', roles: ['admin', 'qa_analyst'] },
  { href: '/evaluations', label: 'Evaluations', roles: ['admin', 'qa_analyst', 'team_lead', 'agent', 'client_auditor'] },
  { href: '/calls/import', label: 'Import calls', roles: ['admin'] },
  { href: '/admin', label: 'Admin', roles: ['admin'] },
  { href: '/me', label: 'My results', roles: ['agent'] },
  { href: '/coaching', label: 'Coaching', roles: ['admin', 'qa_analyst', 'team_lead'] },
  { href: '/sampling', label: 'Sampling', roles: ['admin', 'qa_analyst', 'client_auditor'] }
];
