import { error } from '@sveltejs/kit';
import { api, load as read } from '$lib/server/api-client';
import type { PageServerLoad } from './$types';


/** The client auditor's home: the programs of its client. */
export const load: PageServerLoad = async (event) => {
  const { locals } = event;
  if (!locals.me?.roles.some((r) => r === 'client_auditor' || r === 'admin')) error(404, 'Not found');
  return { programs: (await read(event, api(event).api.me.programs.$get())).items };
};
