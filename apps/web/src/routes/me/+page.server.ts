import { fail } from '@sveltejs/kit';
import { requireCan } from '$lib/server/guard';
import { getJson } from '$lib/server/evaluations';
import { sendJson } from '$lib/server/api-json';
import type { AgentSummary } from '$lib/components/coaching/types';
import type { Actions, PageServerLoad } from './$types';

/** The agent's home: its own results and coaching (GET /api/me/summary). */
export const load: PageServerLoad = async (event) => {
  requireCan(event.locals.me, 'readOwnResults');
  return { summary: await getJson<AgentSummary>(event, '/api/me/summary?months=6') };
};

export const actions: Actions = {
  action: async ({ request, fetch }) => {
    const f = await request.formData();
    const id = Number(f.get('actionId'));
    const r = await sendJson(fetch, 'PATCH', `/api/coaching/actions/${id}`, { done: f.get('done') === 'true' });
    if (!r.ok) return fail(r.status, { error: r.message });
    return { ok: true };
  }
};
