import { api, load as read } from '$lib/server/api-client';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const c = api(event).api.admin;
  const [teams, clients, programs, admins] = await Promise.all([
    read(event, c.teams.$get()),
    read(event, c.clients.$get()),
    read(event, c.programs.$get()),
    read(event, c.people.$get({ query: { role: 'admin', limit: '50' } }))
  ]);
  return { teams: teams.items.length, clients: clients.items.length, programs: programs.items.length, admins: admins.items };
};
