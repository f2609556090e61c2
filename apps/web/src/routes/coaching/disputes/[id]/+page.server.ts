import { error, fail, redirect } from '@sveltejs/kit';
import { api, load as read, send } from '$lib/server/api-client';
import { apiErrorMessage } from '$lib/i18n/api-error';
import { m } from '$lib/paraglide/messages';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const id = Number(event.params.id);
  if (!Number.isInteger(id) || id < 1) error(404, m.error_NOT_FOUND());
  return { view: await read(event, api(event).api.coaching.disputes[':id'].$get({ param: { id: String(id) } })) };
};

export const actions: Actions = {
  default: async (event) => {
    const f = await event.request.formData();
    const ids = f.getAll('itemId').map(String);
    const missing = ids.filter((i) => !f.get(`outcome:${i}`));
    if (missing.length) return fail(400, { error: m.coaching_dispute_decide_every_item({ count: String(missing.length) }) });
    const items = ids.map((itemId) => {
      const outcome = String(f.get(`outcome:${itemId}`)) as 'accepted' | 'rejected';
      const raw = String(f.get(`answer:${itemId}`) ?? '');
      return { itemId, outcome, ...(outcome === 'accepted' && raw ? { answer: /^-?\d+(\.\d+)?$/.test(raw) ? Number(raw) : raw } : {}) };
    });
    const r = await send(
      api(event).api.coaching.disputes[':id'].resolve.$post({
        param: { id: event.params.id },
        json: { reason: String(f.get('reason') ?? ''), items }
      })
    );
    if (!r.ok) return fail(r.status, { error: apiErrorMessage(r) });
    redirect(303, `/coaching/disputes/${Number(event.params.id)}?resolved=1`);
  }
};
