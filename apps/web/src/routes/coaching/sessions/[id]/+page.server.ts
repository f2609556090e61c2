import { error, fail } from '@sveltejs/kit';
import { api, load as read, send } from '$lib/server/api-client';
import { apiErrorMessage } from '$lib/i18n/api-error';
import { m } from '$lib/paraglide/messages';
import type { InferRequestType } from '$lib/api/client';
import type { Actions, PageServerLoad } from './$types';

const session = (event: Parameters<typeof api>[0]) => api(event).api.coaching.sessions[':id'];
/** Form values the API checks (an unknown progress is its 400). */
type FollowUp = InferRequestType<ReturnType<typeof session>['follow-ups']['$post']>['json'];

export const load: PageServerLoad = async (event) => {
  const id = Number(event.params.id);
  if (!Number.isInteger(id) || id < 1) error(404, m.error_NOT_FOUND());
  return { detail: await read(event, session(event).$get({ param: { id: String(id) } })) };
};

export const actions: Actions = {
  confirm: async (event) => {
    const r = await send(session(event).confirm.$post({ param: { id: event.params.id } }));
    return r.ok ? { ok: true } : fail(r.status, { error: apiErrorMessage(r) });
  },
  followUp: async (event) => {
    const f = await event.request.formData();
    const next = String(f.get('nextFollowUpOn') ?? '');
    const close = f.get('close') === 'on';
    const r = await send(
      session(event)['follow-ups'].$post({
        param: { id: event.params.id },
        json: {
          progress: String(f.get('progress') ?? '') as FollowUp['progress'],
          note: String(f.get('note') ?? ''),
          actionsDone: f.getAll('actionDone').map(Number),
          close,
          ...(next && !close ? { nextFollowUpOn: next } : {})
        }
      })
    );
    return r.ok ? { ok: true } : fail(r.status, { error: apiErrorMessage(r) });
  },
  action: async (event) => {
    const f = await event.request.formData();
    const r = await send(
      api(event).api.coaching.actions[':id'].$patch({
        param: { id: String(Number(f.get('actionId'))) },
        json: { done: f.get('done') === 'true' }
      })
    );
    return r.ok ? { ok: true } : fail(r.status, { error: apiErrorMessage(r) });
  }
};
