import { error, fail } from '@sveltejs/kit';
import { requireCan } from '$lib/server/guard';
import { api, load as read, send } from '$lib/server/api-client';
import { apiErrorMessage } from '$lib/i18n/api-error';
import { m } from '$lib/paraglide/messages';
import type { Actions, PageServerLoad } from './$types';

const session = (event: Parameters<typeof api>[0]) => api(event).api.calibration.sessions[':id'];

/** A revealed session's results (the API answers 409 before the reveal, 404 to whom may not read it). */
export const load: PageServerLoad = async (event) => {
  requireCan(event.locals.me, 'calibrate');
  const id = Number(event.params.id);
  if (!/^[1-9][0-9]{0,15}$/.test(event.params.id)) error(404, m.error_NOT_FOUND());
  return { results: await read(event, session(event).results.$get({ param: { id: String(id) } })) };
};

export const actions: Actions = {
  /** The facilitator's agreed answers of one call: `a:<item>` answer, `b:<item>` basis, `n:<item>` note. */
  consensus: async (event) => {
    const f = await event.request.formData();
    const callId = String(f.get('callId') ?? '');
    const items = [...f.keys()]
      .filter((k) => k.startsWith('a:'))
      .map((k) => {
        const itemId = k.slice(2);
        const raw = String(f.get(k) ?? '');
        return {
          itemId,
          answer: raw === '' ? null : /^-?\d+$/.test(raw) ? Number(raw) : raw,
          basis: f.get(`b:${itemId}`) === 'expert' ? ('expert' as const) : ('consensus' as const),
          note: String(f.get(`n:${itemId}`) ?? '')
        };
      });
    const r = await send(session(event).calls[':callId'].consensus.$put({ param: { id: event.params.id, callId }, json: { items } }));
    return r.ok ? { ok: true, savedCall: Number(callId) } : fail(r.status, { error: apiErrorMessage(r), failedCall: Number(callId) });
  },
  notes: async (event) => {
    const f = await event.request.formData();
    const r = await send(session(event).notes.$put({ param: { id: event.params.id }, json: { notes: String(f.get('notes') ?? '') } }));
    return r.ok ? { ok: true, savedNotes: true } : fail(r.status, { error: apiErrorMessage(r) });
  }
};
