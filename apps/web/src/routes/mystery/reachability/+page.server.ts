import { requireCan } from '$lib/server/guard';
import { api, load as read } from '$lib/server/api-client';
import type { PageServerLoad } from './$types';

/**
 * Reachability from mystery calls (heatmap by weekday × hour), the scenario results, and the imported
 * calls' own service level beside them — for the program and local days in the query string (default:
 * every program the reader may see, the last full month). The API scopes a client auditor to its clients.
 */
export const load: PageServerLoad = async (event) => {
  requireCan(event.locals.me, 'readReachability');
  const q = event.url.searchParams;
  const query: { programId?: string; from?: string; to?: string } = {};
  for (const k of ['programId', 'from', 'to'] as const) {
    const v = q.get(k);
    if (v) query[k] = v;
  }
  const r = api(event).api.mystery;
  const [reach, imported, scenarios] = await Promise.all([
    read(event, r.reachability.$get({ query })),
    read(event, r.reachability.imported.$get({ query })),
    read(event, r['scenario-results'].$get({ query }))
  ]);
  return { reach, imported, scenarios };
};
