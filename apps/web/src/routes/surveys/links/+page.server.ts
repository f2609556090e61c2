import { fail } from '@sveltejs/kit';
import { requireCan } from '$lib/server/guard';
import { api, load as read, send } from '$lib/server/api-client';
import { apiErrorMessage } from '$lib/i18n/api-error';
import { m } from '$lib/paraglide/messages';
import type { Actions, PageServerLoad } from './$types';

/** Survey links (admins, QA analysts): the link-channel draws per day with their counts; send a draw's invitations. */
export const load: PageServerLoad = async (event) => {
  requireCan(event.locals.me, 'manageSurveys');
  const { items } = await read(event, api(event).api.surveys.links.draws.$get({ query: {} }));
  return { draws: items };
};

export const actions: Actions = {
  send: async (event) => {
    requireCan(event.locals.me, 'manageSurveys');
    const form = await event.request.formData();
    const drawId = String(form.get('drawId') ?? '');
    const day = String(form.get('day') ?? '');
    if (!/^[1-9][0-9]{0,15}$/.test(drawId)) return fail(400, { drawId, message: m.error_VALIDATION() });
    const res = await send(api(event).api.surveys.draws[':id'].invitations.$post({ param: { id: drawId } }));
    if (!res.ok)
      // 412 carries the reason the person can act on (mail not configured, the server refused): shown as the API says it.
      return fail(res.status, {
        drawId,
        message: res.code === 'PRECONDITION_FAILED' ? m.surveys_links_send_failed({ reason: res.message }) : apiErrorMessage(res)
      });
    return { drawId, sent: { day, ...res.data } };
  }
};
