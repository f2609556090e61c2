import { error, fail } from '@sveltejs/kit';
import { getJson } from '$lib/server/evaluations';
import { sendJson } from '$lib/server/api-json';
import type { SessionDetail } from '$lib/components/coaching/types';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const id = Number(event.params.id);
  if (!Number.isInteger(id) || id < 1) error(404, 'No such session');
  return { detail: await getJson<SessionDetail>(event, `/api/coaching/sessions/${id}`) };
};

export const actions: Actions = {
  confirm: async ({ params, fetch }) => {
    const r = await sendJson(fetch, 'POST', `/api/coaching/sessions/${Number(params.id)}/confirm`);
    return r.ok ? { ok: true } : fail(r.status, { error: r.message });
  },
  followUp: async ({ params, request, fetch }) => {
    const f = await request.formData();
    const next = String(f.get('nextFollowUpOn') ?? '');
    const close = f.get('close') === 'on';
    const r = await sendJson(fetch, 'POST', `/api/coaching/sessions/${Number(params.id)}/follow-ups`, {
      progress: String(f.get('progress') ?? ''),
      note: String(f.get('note') ?? ''),
      actionsDone: f.getAll('actionDone').map(Number),
      close,
      ...(next && !close ? { nextFollowUpOn: next } : {})
    });
    return r.ok ? { ok: true } : fail(r.status, { error: r.message });
  },
  action: async ({ request, fetch }) => {
    const f = await request.formData();
    const r = await sendJson(fetch, 'PATCH', `/api/coaching/actions/${Number(f.get('actionId'))}`, { done: f.get('done') === 'true' });
    return r.ok ? { ok: true } : fail(r.status, { error: r.message });
  }
};
