import { fail } from '@sveltejs/kit';
import { requireCan } from '$lib/server/guard';
import { api, load as read, send } from '$lib/server/api-client';
import { apiErrorMessage } from '$lib/i18n/api-error';
import { m } from '$lib/paraglide/messages';
import type { Actions, PageServerLoad } from './$types';

/** The team lead's low-score alerts, for the agents it coaches: the open ones (its to-do) unless it asks for handled or all. */
export const load: PageServerLoad = async (event) => {
  requireCan(event.locals.me, 'handleSurveyAlerts');
  const s = event.url.searchParams.get('status');
  const status = s === 'all' ? 'all' : s === 'handled' ? 'handled' : 'open';
  const alerts = await read(event, api(event).api.surveys.alerts.$get({ query: status === 'all' ? {} : { status } }));
  return { alerts, status };
};

export const actions: Actions = {
  /** Service recovery done: the note says what was done for the customer. */
  handle: async (event) => {
    const form = await event.request.formData();
    const id = String(form.get('id') ?? '');
    const note = String(form.get('note') ?? '');
    const res = await send(api(event).api.surveys.alerts[':id'].handle.$post({ param: { id }, json: { note } }));
    if (!res.ok) return fail(res.status, { id, note, message: res.code === 'CONFLICT' ? m.surveys_alerts_taken() : apiErrorMessage(res) });
    return { id, done: true };
  }
};
