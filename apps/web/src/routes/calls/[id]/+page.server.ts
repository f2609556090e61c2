import { error } from '@sveltejs/kit';
import { getJson } from '$lib/server/api-json';
import type { CallDetail } from '$lib/calls/types';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ fetch, params }) => {
  const id = Number(params.id);
  if (!Number.isInteger(id) || id < 1) error(404, 'No such call');
  return { call: await getJson<CallDetail>(fetch, `/api/calls/${id}`) };
};
