import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { screenFromDetail } from '$lib/server/evaluations';
import { api, load as read } from '$lib/server/api-client';
import { m } from '$lib/paraglide/messages';

export const load: PageServerLoad = async (event) => {
  const id = Number(event.params.id);
  if (!Number.isInteger(id) || id < 1) error(404, m.error_NOT_FOUND());
  const detail = await read(event, api(event).api.evaluations[':id'].$get({ param: { id: String(id) } }));
  return { id, screen: screenFromDetail(detail) };
};
