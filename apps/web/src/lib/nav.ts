import type { Capability } from '@attentive/shared';

/** The main navigation. Each area adds its entry; `can` says who sees it (GET /api/me `can`, as the page guard). */
export type NavItem = { href: string; label: string; can: Capability };

export const NAV: NavItem[] = [
  { href: '/work', label: 'Work', can: 'evaluate' },
  { href: '/calls', label: 'Calls', can: 'readCalls' },
  { href: '/scorecards', label: 'Scorecards', can: 'manageScorecards' },
  { href: '/evaluations', label: 'Evaluations', can: 'readEvaluations' },
  { href: '/calls/import', label: 'Import calls', can: 'importCalls' },
  { href: '/admin', label: 'Admin', can: 'administer' },
  { href: '/me', label: 'My results', can: 'readOwnResults' },
  { href: '/coaching', label: 'Coaching', can: 'coach' },
  { href: '/sampling', label: 'Sampling', can: 'readSampling' }
];
