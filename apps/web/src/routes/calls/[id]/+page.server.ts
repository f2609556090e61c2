import { error } from '@sveltejs/kit';
import { api, load as read } from '$lib/server/api-client';
import { m } from '$lib/paraglide/messages';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const id = Number(event.params.id);
  if (!Number.isInteger(id) || id < 1) error(404, m.calls_not_found());
  return { call: await read(event, api(event).api.calls[':id'].$get({ param: { id: String(id) } })) };
};
