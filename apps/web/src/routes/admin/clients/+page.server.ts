import { api, load as read } from '$lib/server/api-client';
import { codeNameActions } from '$lib/server/code-name-actions';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => ({ items: (await read(event, api(event).api.admin.clients.$get())).items });

// An unticked box sends nothing: absent means "no pseudonyms".
export const actions: Actions = codeNameActions(
  (c) => c.api.admin.clients,
  (f) => ({ pseudonymiseAgents: f.get('pseudonymiseAgents') === 'on' })
);
