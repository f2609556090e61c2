import { error, fail, redirect } from '@sveltejs/kit';
import { requireCan } from '$lib/server/guard';
import { api, load as read, send } from '$lib/server/api-client';
import { apiErrorMessage } from '$lib/i18n/api-error';
import { optionalNumber } from '$lib/server/form-action';
import { m } from '$lib/paraglide/messages';
import type { Actions, PageServerLoad } from './$types';

/** One mystery call for admins and QA: the record, the scores, and matching it to the agent who took it. */
export const load: PageServerLoad = async (event) => {
  requireCan(event.locals.me, 'manageMystery');
  if (!/^[1-9][0-9]*$/.test(event.params.id)) error(404, m.error_NOT_FOUND());
  const c = api(event).api.mystery.calls[':id'];
  const param = { id: event.params.id };
  const view = await read(event, c.$get({ param }));
  const match = view.canMatch ? await read(event, c.candidates.$get({ param })) : null;
  return { view, match };
};

export const actions: Actions = {
  default: async (event) => {
    const f = await event.request.formData();
    const callId = optionalNumber(f, 'callId');
    const agentId = optionalNumber(f, 'agentId');
    if (callId == null && agentId == null) return fail(400, { message: m.mystery_match_choose() });
    const res = await send(
      api(event).api.mystery.calls[':id'].match.$post({
        param: { id: event.params.id },
        json: callId != null ? { callId } : { agentId: agentId! }
      })
    );
    if (!res.ok) return fail(res.status, { message: apiErrorMessage(res) });
    redirect(303, `/mystery/calls/${event.params.id}?matched=1`);
  }
};
