import { requireCan } from '$lib/server/guard';
import type { PageServerLoad } from './$types';
import { api, load as read } from '$lib/server/api-client';

/** The evaluator's work queue: sampled calls to score next, due this week, overdue. */
export const load: PageServerLoad = async (event) => {
  const { locals, url } = event;
  requireCan(locals.me, 'evaluate');
  const personId = url.searchParams.get('personId');
  const queue = await read(event, api(event).api.sampling.work.$get({ query: personId ? { personId } : {} }));
  return { queue };
};
