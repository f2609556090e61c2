import { error, fail } from '@sveltejs/kit';
import { getJson } from '$lib/server/evaluations';
import { sendJson } from '$lib/server/api-json';
import type { Feedback } from '$lib/components/coaching/feedback-types';
import type { Actions, PageServerLoad } from './$types';

/** One evaluation as the agent reads it (GET /api/coaching/evaluations/:id). */
export const load: PageServerLoad = async (event) => {
  const id = Number(event.params.id);
  if (!Number.isInteger(id) || id < 1) error(404, 'No such evaluation');
  return { id, feedback: await getJson<Feedback>(event, `/api/coaching/evaluations/${id}`) };
};

export const actions: Actions = {
  acknowledge: async ({ params, fetch }) => {
    const r = await sendJson(fetch, 'POST', `/api/coaching/evaluations/${Number(params.id)}/acknowledge`);
    if (!r.ok) return fail(r.status, { error: r.message });
    return { acknowledged: true };
  },
  dispute: async ({ params, request, fetch }) => {
    const f = await request.formData();
    const items = f
      .getAll('item')
      .map(String)
      .map((itemId) => {
        const proposed = String(f.get(`proposed:${itemId}`) ?? '');
        return { itemId, reason: String(f.get(`reason:${itemId}`) ?? ''), ...(proposed ? { proposedAnswer: /^-?\d+(\.\d+)?$/.test(proposed) ? Number(proposed) : proposed } : {}) };
      });
    if (!items.length) return fail(400, { error: 'Tick at least one item to dispute, and say why' });
    const r = await sendJson(fetch, 'POST', `/api/coaching/evaluations/${Number(params.id)}/disputes`, { revision: Number(f.get('revision')), items });
    if (!r.ok) return fail(r.status, { error: r.message });
    return { disputed: true };
  }
};
