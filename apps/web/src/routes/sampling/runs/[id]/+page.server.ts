import { error, fail } from '@sveltejs/kit';
import { can, requireCan } from '$lib/server/guard';
import type { Actions, PageServerLoad } from './$types';
import { api, load as read, send } from '$lib/server/api-client';

const item = (event: Parameters<typeof api>[0]) => api(event).api.sampling.items[':id'];

export const load: PageServerLoad = async (event) => {
  const { locals, params } = event;
  requireCan(locals.me, 'readSampling');
  const manager = can(locals.me, 'manageSampling');
  const id = Number(params.id);
  if (!Number.isInteger(id) || id < 1) error(404, 'No such run');
  const [detail, evaluators] = await Promise.all([
    read(event, api(event).api.sampling.runs[':id'].$get({ param: { id: String(id) } })),
    manager ? read(event, api(event).api.sampling.evaluators.$get()) : Promise.resolve({ items: [] })
  ]);
  return { manager, detail, evaluators: evaluators.items };
};

export const actions: Actions = {
  replace: async (event) => {
    const data = await event.request.formData();
    const itemId = Number(data.get('itemId'));
    const res = await send(
      item(event).replace.$post({ param: { id: String(itemId) }, json: { reason: String(data.get('reason') ?? '') } })
    );
    if (!res.ok) return fail(res.status, { itemId, message: res.message });
    return {
      itemId,
      replaced: res.data.replacement ? `Replaced by call ${res.data.replacement.callId}` : 'Removed: this agent has no eligible call left'
    };
  },
  reassign: async (event) => {
    const data = await event.request.formData();
    const itemId = Number(data.get('itemId'));
    const res = await send(
      item(event).assign.$post({ param: { id: String(itemId) }, json: { assigneeId: Number(data.get('assigneeId')) } })
    );
    if (!res.ok) return fail(res.status, { itemId, message: res.message });
    return { itemId, reassigned: true };
  },
  assign: async (event) => {
    const res = await send(api(event).api.sampling.runs[':id'].assign.$post({ param: { id: event.params.id } }));
    if (!res.ok) return fail(res.status, { message: res.message });
    return { assigned: `${res.data.assigned} of ${res.data.unassigned} unassigned call(s) assigned` };
  }
};
