import { redirect } from '@sveltejs/kit';
import { resolve } from '$app/paths';
import { requireCan } from '$lib/server/guard';
import { api, load as read } from '$lib/server/api-client';
import type { PageServerLoad } from './$types';

/**
 * A program's report months (newest first, with verdict counts). The month picker sends `?month=YYYY-MM`
 * here: a well-formed month goes to its report (which refuses a future one with the API's message).
 */
export const load: PageServerLoad = async (event) => {
  requireCan(event.locals.me, 'readClientPortal');
  const month = event.url.searchParams.get('month');
  if (month && /^\d{4}-\d{2}$/.test(month))
    redirect(303, resolve('/client/reports/[programId]/[month]', { programId: event.params.programId, month }));
  const list = await read(
    event,
    api(event).api.client.programs[':programId'].reports.$get({ param: { programId: event.params.programId } })
  );
  return { list };
};
