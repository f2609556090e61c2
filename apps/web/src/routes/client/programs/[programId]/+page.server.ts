import { error } from '@sveltejs/kit';
import { can, requireCan } from '$lib/server/guard';
import { api, load as read } from '$lib/server/api-client';
import { m } from '$lib/paraglide/messages';
import type { PageServerLoad } from './$types';

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/** The local days of a month (YYYY-MM): its first and its last, as the reachability report takes them. */
function daysOf(month: string): { from: string; to: string } {
  const [y, mo] = month.split('-').map(Number) as [number, number];
  const last = new Date(Date.UTC(y, mo, 0)).getUTCDate();
  return { from: `${month}-01`, to: `${month}-${String(last).padStart(2, '0')}` };
}

/**
 * A program of the client: its teams on the friendly × oriented plane for the month, its reachability heatmap
 * (mystery calls by weekday × hour) for the same month, and its sample runs with their verification. Without
 * `?month` the month is the portal's (the teams answer says which), so the heatmap waits for it.
 */
export const load: PageServerLoad = async (event) => {
  requireCan(event.locals.me, 'readClientPortal');
  const programId = event.params.programId;
  if (!/^[1-9][0-9]{0,15}$/.test(programId)) error(404, m.error_NOT_FOUND());
  const month = event.url.searchParams.get('month') ?? '';
  const client = api(event).api;
  const program = client.client.programs[':programId'];
  const teams = read(event, program.teams.$get({ param: { programId }, query: MONTH.test(month) ? { month } : {} }));
  const runs = read(event, program['sample-runs'].$get({ param: { programId } }));
  // Every portal reader may read reachability today (admins, the client's auditors); the check keeps the page whole if that changes.
  const reach = can(event.locals.me, 'readReachability')
    ? (MONTH.test(month) ? Promise.resolve(month) : teams.then((t) => t.month)).then((mo) =>
        read(event, client.mystery.reachability.$get({ query: { programId, ...daysOf(mo) } }))
      )
    : Promise.resolve(null);
  const [t, r, reachability] = await Promise.all([teams, runs, reach]);
  return { teams: t, runs: r.items, reach: reachability };
};
