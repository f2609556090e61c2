import { requireCan } from '$lib/server/guard';
import { api, load as read } from '$lib/server/api-client';
import type { PageServerLoad } from './$types';

/** The client auditor's home: the programs of its client. */
export const load: PageServerLoad = async (event) => {
  const { locals } = event;
  requireCan(locals.me, 'readClientPortal');
  return { programs: (await read(event, api(event).api.me.programs.$get())).items };
};
