import type { Capability } from '@attentive/shared';
import { m } from '$lib/paraglide/messages';

/**
 * The main navigation. Each area adds its entry; `can` says who sees it (GET /api/me `can`, as the page guard;
 * a list: any of them). `hiddenWith`: left out for a person who has that capability too, because the page is
 * one click away from a hub that person already sees (the header must stay one line at 1280 px).
 * `label` is a message function (messages/*.json), called when rendered so it follows the page's language.
 */
export type NavItem = { href: string; label: () => string; can: Capability | Capability[]; hiddenWith?: Capability };

export const navAllows = (item: NavItem, can: Partial<Record<Capability, boolean>> | undefined) =>
  [item.can].flat().some((c) => can?.[c] ?? false) && !(item.hiddenWith && can?.[item.hiddenWith]);

export const NAV: NavItem[] = [
  { href: '/work', label: m.nav_work, can: 'evaluate' },
  { href: '/calls', label: m.nav_calls, can: 'readCalls' },
  { href: '/scorecards', label: m.nav_scorecards, can: 'manageScorecards' },
  { href: '/evaluations', label: m.nav_evaluations, can: 'readEvaluations' },
  { href: '/calls/import', label: m.nav_import_calls, can: 'importCalls', hiddenWith: 'readCalls' },
  { href: '/admin', label: m.nav_admin, can: 'administer' },
  { href: '/me', label: m.nav_my_results, can: 'readOwnResults' },
  { href: '/coaching', label: m.nav_coaching, can: 'coach' },
  { href: '/sampling', label: m.nav_sampling, can: 'readSampling' },
  { href: '/mystery', label: m.nav_mystery, can: ['manageMystery', 'shopMystery'] },
  { href: '/mystery/reachability', label: m.nav_reachability, can: 'readReachability', hiddenWith: 'manageMystery' },
  { href: '/surveys', label: m.nav_surveys, can: ['manageSurveys', 'callSurveys', 'readSurveyResults', 'handleSurveyAlerts'] },
  { href: '/calibration', label: m.nav_calibration, can: ['manageCalibration', 'calibrate'] },
  { href: '/client', label: m.nav_client, can: 'readClientPortal' }
];
