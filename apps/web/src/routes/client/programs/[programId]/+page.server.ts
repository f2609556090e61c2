import { error } from '@sveltejs/kit';
import { requireCan } from '$lib/server/guard';
import { api, load as read } from '$lib/server/api-client';
import { m } from '$lib/paraglide/messages';
import type { PageServerLoad } from './$types';

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/** A program of the client: its teams on the friendly × oriented plane for the month, and its sample runs with their verification. */
export const load: PageServerLoad = async (event) => {
  requireCan(event.locals.me, 'readClientPortal');
  const programId = event.params.programId;
  if (!/^[1-9][0-9]{0,15}$/.test(programId)) error(404, m.error_NOT_FOUND());
  const month = event.url.searchParams.get('month') ?? '';
  const program = api(event).api.client.programs[':programId'];
  const [teams, runs] = await Promise.all([
    read(event, program.teams.$get({ param: { programId }, query: MONTH.test(month) ? { month } : {} })),
    read(event, program['sample-runs'].$get({ param: { programId } }))
  ]);
  return { teams, runs: runs.items };
};
