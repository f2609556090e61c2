import { getJson } from '$lib/server/api-json';
import type { Client, PersonRow, Program, Team } from '$lib/admin-types';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ fetch }) => {
  const [teams, clients, programs, admins] = await Promise.all([
    getJson<{ items: Team[] }>(fetch, '/api/admin/teams'),
    getJson<{ items: Client[] }>(fetch, '/api/admin/clients'),
    getJson<{ items: Program[] }>(fetch, '/api/admin/programs'),
    getJson<{ items: PersonRow[] }>(fetch, '/api/admin/people?role=admin&limit=50')
  ]);
  return { teams: teams.items.length, clients: clients.items.length, programs: programs.items.length, admins: admins.items };
};
