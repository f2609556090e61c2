import { error } from '@sveltejs/kit';
import { can } from '$lib/server/guard';
import { api, load as read } from '$lib/server/api-client';
import { m } from '$lib/paraglide/messages';
import type { PageServerLoad } from './$types';

/**
 * The mystery screens other parts of issue 13 build beside this one (scenarios, plans, reachability), as
 * they exist in this build: the overview links only to screens that are there.
 */
const BUILT = new Set(Object.keys(import.meta.glob('./*/+page.svelte')).map((f) => `/mystery/${f.split('/')[1]}`));

/** Mystery calls: a shopper's home (its own assignments); for admins and QA the overview and the calls to match. */
export const load: PageServerLoad = async (event) => {
  const me = event.locals.me;
  const shop = can(me, 'shopMystery');
  const manage = can(me, 'manageMystery');
  if (!shop && !manage) error(404, m.error_NOT_FOUND());
  const c = api(event).api.mystery;
  const [mine, unmatched] = await Promise.all([
    shop ? read(event, c.assignments.mine.$get()) : null,
    manage ? read(event, c.calls.$get({ query: { unmatched: 'true' } })) : null
  ]);
  const built = (href: string) => BUILT.has(href);
  return {
    assignments: mine?.items ?? null,
    unmatched: unmatched?.items ?? null,
    manage: [
      built('/mystery/scenarios') ? 'scenarios' : null,
      built('/mystery/plans') ? 'plans' : null,
      built('/mystery/reachability') && can(me, 'readReachability') ? 'reachability' : null
    ].filter((x) => x != null)
  };
};
