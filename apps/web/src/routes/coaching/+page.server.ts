import { error } from '@sveltejs/kit';
import { api, load as read } from '$lib/server/api-client';
import type { PageServerLoad } from './$types';


/** The lead's coaching desk: who needs attention first, open disputes, sessions and self-evaluations. */
export const load: PageServerLoad = async (event) => {
  const roles = event.locals.me?.roles ?? [];
  if (!roles.some((r) => r === 'admin' || r === 'qa_analyst' || r === 'team_lead')) error(403, 'The coaching desk is for team leads, QA and admins');
  const c = api(event).api.coaching;
  const [queue, disputes, sessions, selfEvals] = await Promise.all([
    read(event, c.queue.$get({ query: {} })),
    read(event, c.disputes.$get({ query: { status: 'open' } })),
    read(event, c.sessions.$get({ query: { open: 'true' } })),
    read(event, c['self-evaluations'].$get({ query: {} }))
  ]);
  return { queue, disputes: disputes.items, sessions: sessions.items, selfEvals: selfEvals.items };
};
