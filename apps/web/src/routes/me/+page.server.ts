import { fail } from '@sveltejs/kit';
import { requireCan } from '$lib/server/guard';
import { api, load as read, send } from '$lib/server/api-client';
import { apiErrorMessage } from '$lib/i18n/api-error';
import type { Actions, PageServerLoad } from './$types';

/** The agent's home: its own results and coaching (GET /api/me/summary). */
export const load: PageServerLoad = async (event) => {
  requireCan(event.locals.me, 'readOwnResults');
  return { summary: await read(event, api(event).api.me.summary.$get({ query: { months: '6' } })) };
};

export const actions: Actions = {
  action: async (event) => {
    const f = await event.request.formData();
    const id = Number(f.get('actionId'));
    const r = await send(
      api(event).api.coaching.actions[':id'].$patch({ param: { id: String(id) }, json: { done: f.get('done') === 'true' } })
    );
    if (!r.ok) return fail(r.status, { error: apiErrorMessage(r) });
    return { ok: true };
  }
};
