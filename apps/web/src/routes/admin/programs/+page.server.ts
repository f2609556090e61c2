import { getJson } from '$lib/server/api-json';
import { codeNameActions } from '$lib/server/code-name-actions';
import type { Client, Program } from '$lib/admin-types';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ fetch }) => {
  const [programs, clients] = await Promise.all([getJson<{ items: Program[] }>(fetch, '/api/admin/programs'), getJson<{ items: Client[] }>(fetch, '/api/admin/clients')]);
  return { items: programs.items, clients: clients.items };
};

export const actions: Actions = codeNameActions('/api/admin/programs', (f) => ({
  clientId: Number(f.get('clientId')),
  disputeWindowDays: Number(f.get('disputeWindowDays'))
}));
