import { error, fail } from '@sveltejs/kit';
import { api, load as read, send } from '$lib/server/api-client';
import { apiErrorMessage } from '$lib/i18n/api-error';
import { m } from '$lib/paraglide/messages';
import type { Feedback } from '$lib/api/types';
import type { Actions, PageServerLoad } from './$types';

const feedback = (event: Parameters<typeof api>[0]) => api(event).api.coaching.evaluations[':id'];

/** One evaluation as the agent reads it (GET /api/coaching/evaluations/:id). */
export const load: PageServerLoad = async (event) => {
  const id = Number(event.params.id);
  if (!Number.isInteger(id) || id < 1) error(404, m.me_eval_not_found());
  return { id, feedback: (await read(event, feedback(event).$get({ param: { id: String(id) } }))) as Feedback };
};

export const actions: Actions = {
  acknowledge: async (event) => {
    const r = await send(feedback(event).acknowledge.$post({ param: { id: event.params.id } }));
    if (!r.ok) return fail(r.status, { error: apiErrorMessage(r) });
    return { acknowledged: true };
  },
  dispute: async (event) => {
    const f = await event.request.formData();
    const items = f
      .getAll('item')
      .map(String)
      .map((itemId) => {
        const proposed = String(f.get(`proposed:${itemId}`) ?? '');
        return {
          itemId,
          reason: String(f.get(`reason:${itemId}`) ?? ''),
          ...(proposed ? { proposedAnswer: /^-?\d+(\.\d+)?$/.test(proposed) ? Number(proposed) : proposed } : {})
        };
      });
    if (!items.length) return fail(400, { error: m.me_eval_dispute_pick() });
    const r = await send(
      feedback(event).disputes.$post({ param: { id: event.params.id }, json: { revision: Number(f.get('revision')), items } })
    );
    if (!r.ok) return fail(r.status, { error: apiErrorMessage(r), details: r.details });
    return { disputed: true };
  }
};
