import { getJson } from '$lib/server/api-json';
import { codeNameActions } from '$lib/server/code-name-actions';
import type { Client } from '$lib/admin-types';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ fetch }) => ({ items: (await getJson<{ items: Client[] }>(fetch, '/api/admin/clients')).items });

export const actions: Actions = codeNameActions('/api/admin/clients');
