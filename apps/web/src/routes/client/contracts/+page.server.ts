import { requireCan } from '$lib/server/guard';
import { api, load as read } from '$lib/server/api-client';
import type { PageServerLoad } from './$types';

/** The contract terms overview: every program the reader may see (admins: all) with the terms in force this month. */
export const load: PageServerLoad = async (event) => {
  requireCan(event.locals.me, 'readClientPortal');
  return { overview: await read(event, api(event).api.client.contracts.$get()) };
};
