import { requireCan } from '$lib/server/guard';
import { api, load as read } from '$lib/server/api-client';
import type { PageServerLoad } from './$types';

/** The programs whose contract reports the reader may open (a client auditor: its client's; an admin: all). */
export const load: PageServerLoad = async (event) => {
  requireCan(event.locals.me, 'readClientPortal');
  return { programs: (await read(event, api(event).api.me.programs.$get())).items };
};
