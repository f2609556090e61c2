import { error, fail } from '@sveltejs/kit';
import { can, requireCan } from '$lib/server/guard';
import type { Actions, PageServerLoad } from './$types';
import { getJson, sendJson } from '$lib/server/api-json';
import type { RunDetail } from '$lib/sampling/types';

export const load: PageServerLoad = async ({ locals, fetch, params }) => {
  requireCan(locals.me, 'readSampling');
  const manager = can(locals.me, 'manageSampling');
  const id = Number(params.id);
  if (!Number.isInteger(id) || id < 1) error(404, 'No such run');
  const [detail, evaluators] = await Promise.all([
    getJson<RunDetail>(fetch, `/api/sampling/runs/${id}`),
    manager ? getJson<{ items: { personId: number; name: string; roles: string[] }[] }>(fetch, '/api/sampling/evaluators') : Promise.resolve({ items: [] })
  ]);
  return { manager, detail, evaluators: evaluators.items };
};

export const actions: Actions = {
  replace: async ({ request, fetch }) => {
    const data = await request.formData();
    const itemId = Number(data.get('itemId'));
    const res = await sendJson<{ replacement: { callId: number } | null }>(fetch, 'POST', `/api/sampling/items/${itemId}/replace`, { reason: String(data.get('reason') ?? '') });
    if (!res.ok) return fail(res.status, { itemId, message: res.message });
    return { itemId, replaced: res.data.replacement ? `Replaced by call ${res.data.replacement.callId}` : 'Removed: this agent has no eligible call left' };
  },
  reassign: async ({ request, fetch }) => {
    const data = await request.formData();
    const itemId = Number(data.get('itemId'));
    const res = await sendJson(fetch, 'POST', `/api/sampling/items/${itemId}/assign`, { assigneeId: Number(data.get('assigneeId')) });
    if (!res.ok) return fail(res.status, { itemId, message: res.message });
    return { itemId, reassigned: true };
  },
  assign: async ({ fetch, params }) => {
    const res = await sendJson<{ assigned: number; unassigned: number }>(fetch, 'POST', `/api/sampling/runs/${params.id}/assign`);
    if (!res.ok) return fail(res.status, { message: res.message });
    return { assigned: `${res.data.assigned} of ${res.data.unassigned} unassigned call(s) assigned` };
  }
};
