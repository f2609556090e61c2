import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { api, load as read } from '$lib/server/api-client';
import { m } from '$lib/paraglide/messages';

/** Recomputes a run and shows match or mismatch; open to the client's auditors for their own programs. */
export const load: PageServerLoad = async (event) => {
  const id = Number(event.params.id);
  if (!Number.isInteger(id) || id < 1) error(404, m.sampling_run_not_found());
  return { v: await read(event, api(event).api.sampling.runs[':id'].verify.$get({ param: { id: String(id) } })) };
};
