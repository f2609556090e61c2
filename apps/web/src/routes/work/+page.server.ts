import { requireCan } from '$lib/server/guard';
import type { PageServerLoad } from './$types';
import { getJson } from '$lib/server/api-json';
import type { WorkQueue } from '$lib/sampling/types';

/** The evaluator's work queue: sampled calls to score next, due this week, overdue. */
export const load: PageServerLoad = async ({ locals, fetch, url }) => {
  requireCan(locals.me, 'evaluate');
  const q = new URLSearchParams();
  const personId = url.searchParams.get('personId');
  if (personId) q.set('personId', personId);
  const queue = await getJson<WorkQueue>(fetch, `/api/sampling/work?${q}`);
  return { queue };
};
