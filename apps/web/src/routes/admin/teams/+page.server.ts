import { getJson } from '$lib/server/api-json';
import { codeNameActions } from '$lib/server/code-name-actions';
import type { Team } from '$lib/admin-types';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ fetch }) => ({ items: (await getJson<{ items: Team[] }>(fetch, '/api/admin/teams')).items });

export const actions: Actions = codeNameActions('/api/admin/teams');
