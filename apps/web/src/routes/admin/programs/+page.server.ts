import { api, load as read } from '$lib/server/api-client';
import { codeNameActions } from '$lib/server/code-name-actions';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const c = api(event).api.admin;
  const [programs, clients] = await Promise.all([read(event, c.programs.$get()), read(event, c.clients.$get())]);
  return { items: programs.items, clients: clients.items };
};

export const actions: Actions = codeNameActions(
  (c) => c.api.admin.programs,
  (f) => ({ clientId: Number(f.get('clientId')), disputeWindowDays: Number(f.get('disputeWindowDays')) })
);
