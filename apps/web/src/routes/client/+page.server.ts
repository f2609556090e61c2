import { error } from '@sveltejs/kit';
import { getJson } from '$lib/server/api-json';
import type { PageServerLoad } from './$types';

type MyProgram = { id: number; code: string; name: string; clientId: number; clientCode: string; clientName: string };

/** The client auditor's home: the programs of its client. */
export const load: PageServerLoad = async ({ fetch, locals }) => {
  if (!locals.me?.roles.some((r) => r === 'client_auditor' || r === 'admin')) error(404, 'Not found');
  return { programs: (await getJson<{ items: MyProgram[] }>(fetch, '/api/me/programs')).items };
};
