import { requireCan } from '$lib/server/guard';
import { getJson } from '$lib/server/api-json';
import type { ImportRun } from '$lib/calls-import/types';
import type { PageServerLoad } from './$types';

/** Admins only (the API refuses everyone else too); the upload itself goes from the browser to the API. */
export const load: PageServerLoad = async ({ fetch, locals, depends }) => {
  requireCan(locals.me, 'importCalls');
  depends('app:imports');
  const recent = await getJson<{ items: ImportRun[] }>(fetch, '/api/imports?limit=10');
  return { recent: recent.items };
};
