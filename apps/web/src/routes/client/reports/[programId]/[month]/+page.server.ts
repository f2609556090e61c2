import { requireCan } from '$lib/server/guard';
import { api, load as read } from '$lib/server/api-client';
import type { PageServerLoad } from './$types';

/** One month's contract report of a program (the API answers 404 for another client's program, 400 for a bad or future month). */
export const load: PageServerLoad = async (event) => {
  requireCan(event.locals.me, 'readClientPortal');
  const { programId, month } = event.params;
  const report = await read(event, api(event).api.client.programs[':programId'].reports[':month'].$get({ param: { programId, month } }));
  return { report };
};
