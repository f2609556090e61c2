import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { getJson } from '$lib/server/api-json';
import type { Verification } from '$lib/sampling/types';

/** Recomputes a run and shows match or mismatch; open to the client's auditors for their own programs. */
export const load: PageServerLoad = async ({ fetch, params }) => {
  const id = Number(params.id);
  if (!Number.isInteger(id) || id < 1) error(404, 'No such run');
  return { v: await getJson<Verification>(fetch, `/api/sampling/runs/${id}/verify`) };
};
