import { requireCan } from '$lib/server/guard';
import { getJson } from '$lib/server/api-json';
import type { PageServerLoad } from './$types';

type MyProgram = { id: number; code: string; name: string; clientId: number; clientCode: string; clientName: string };

/** The client auditor's home: the programs of its client. */
export const load: PageServerLoad = async ({ fetch, locals }) => {
  requireCan(locals.me, 'readClientPortal');
  return { programs: (await getJson<{ items: MyProgram[] }>(fetch, '/api/me/programs')).items };
};
