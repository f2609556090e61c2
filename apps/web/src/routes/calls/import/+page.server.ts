import { requireCan } from '$lib/server/guard';
import { api, load as read } from '$lib/server/api-client';
import type { PageServerLoad } from './$types';

/** Admins only (the API refuses everyone else too); the upload itself goes from the browser to the API. */
export const load: PageServerLoad = async (event) => {
  requireCan(event.locals.me, 'importCalls');
  event.depends('app:imports');
  const recent = await read(event, api(event).api.imports.$get({ query: { limit: '10' } }));
  return { recent: recent.items };
};
