import { error, fail } from '@sveltejs/kit';
import { can, requireCan } from '$lib/server/guard';
import type { Actions, PageServerLoad } from './$types';
import { api, load as read, send } from '$lib/server/api-client';
import { actionError } from '$lib/sampling/action-error';
import { m } from '$lib/paraglide/messages';

const item = (event: Parameters<typeof api>[0]) => api(event).api.sampling.items[':id'];

export const load: PageServerLoad = async (event) => {
  const { locals, params } = event;
  requireCan(locals.me, 'readSampling');
  const manager = can(locals.me, 'manageSampling');
  const id = Number(params.id);
  if (!Number.isInteger(id) || id < 1) error(404, m.sampling_run_not_found());
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
    if (!res.ok) return fail(res.status, { itemId, message: actionError(res, { CONFLICT: m.sampling_replace_conflict }) });
    return {
      itemId,
      replaced: res.data.replacement
        ? m.sampling_replaced_by({ call: String(res.data.replacement.callId) })
        : m.sampling_removed_no_call_left()
    };
  },
  reassign: async (event) => {
    const data = await event.request.formData();
    const itemId = Number(data.get('itemId'));
    const res = await send(
      item(event).assign.$post({ param: { id: String(itemId) }, json: { assigneeId: Number(data.get('assigneeId')) } })
    );
    if (!res.ok) return fail(res.status, { itemId, message: actionError(res, { CONFLICT: m.sampling_assign_conflict }) });
    return { itemId, reassigned: true };
  },
  assign: async (event) => {
    const res = await send(api(event).api.sampling.runs[':id'].assign.$post({ param: { id: event.params.id } }));
    if (!res.ok) return fail(res.status, { message: actionError(res) });
    return { assigned: { assigned: res.data.assigned, unassigned: res.data.unassigned } };
  }
};
