import { error } from '@sveltejs/kit';
import type { Capability } from '@attentive/shared';
import { can } from '$lib/server/guard';
import { m } from '$lib/paraglide/messages';
import type { PageServerLoad } from './$types';

/**
 * The survey screens of issue 14, each for whoever has its capability. They are built beside this hub, so the hub
 * links only to those that exist in this build (a missing one would be a dead link, not a page).
 */
const BUILT = new Set(Object.keys(import.meta.glob('./**/+page.svelte')).map((f) => `/surveys/${f.slice(2, -'/+page.svelte'.length)}`));

const SCREENS = [
  ['templates', '/surveys/templates', 'manageSurveys'],
  ['lists', '/surveys/lists', 'manageSurveys'],
  ['links', '/surveys/links', 'manageSurveys'],
  ['queue', '/surveys/queue', 'callSurveys'],
  ['results', '/surveys/results', 'readSurveyResults'],
  // per-agent figures follow coaching (policy canReadAgentSurveyResults): the agents' coaches, not client auditors
  ['agents', '/surveys/results/agents', 'handleSurveyAlerts'],
  ['alerts', '/surveys/alerts', 'handleSurveyAlerts']
] as const satisfies readonly (readonly [string, string, Capability])[];

/** Callback surveys: one card per screen the person may use. */
export const load: PageServerLoad = async (event) => {
  const me = event.locals.me;
  const mayUse = SCREENS.filter(([, , capability]) => can(me, capability));
  if (SCREENS.every(([, , capability]) => !can(me, capability))) error(404, m.error_NOT_FOUND());
  return { screens: mayUse.filter(([, href]) => BUILT.has(href)).map(([key, href]) => ({ key, href })) };
};
