import { requireCan } from '$lib/server/guard';
import { api, load as read } from '$lib/server/api-client';
import type { PageServerLoad } from './$types';

/** The lead's coaching desk: who needs attention first, open disputes, sessions and self-evaluations. */
export const load: PageServerLoad = async (event) => {
  requireCan(event.locals.me, 'coach');
  const c = api(event).api.coaching;
  const [queue, disputes, sessions, selfEvals] = await Promise.all([
    read(event, c.queue.$get({ query: {} })),
    read(event, c.disputes.$get({ query: { status: 'open' } })),
    read(event, c.sessions.$get({ query: { open: 'true' } })),
    read(event, c['self-evaluations'].$get({ query: {} }))
  ]);
  return { queue, disputes: disputes.items, sessions: sessions.items, selfEvals: selfEvals.items };
};
