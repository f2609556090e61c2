import { error, fail, redirect } from '@sveltejs/kit';
import { can } from '$lib/server/guard';
import { api, load as read, send } from '$lib/server/api-client';
import { apiErrorMessage } from '$lib/i18n/api-error';
import { optionalNumber } from '$lib/server/form-action';
import { m } from '$lib/paraglide/messages';
import type { Actions, PageServerLoad } from './$types';

/** The survey caller's home: its queue, the counts of today, the customer it holds, "Next customer". */
export const load: PageServerLoad = async (event) => {
  if (!can(event.locals.me, 'callSurveys')) error(404, m.error_NOT_FOUND());
  return { queue: await read(event, api(event).api.surveys.queue.$get()) };
};

export const actions: Actions = {
  /** The big button: the next due customer (or the one I hold). */
  next: async (event) => {
    const res = await send(api(event).api.surveys.queue.claim.$post({ json: {} }));
    if (!res.ok) return fail(res.status, { message: apiErrorMessage(res) });
    if (res.data.itemId == null) return { none: true };
    redirect(303, `/surveys/queue/${res.data.itemId}`);
  },
  /** A customer picked from the list. */
  take: async (event) => {
    const itemId = optionalNumber(await event.request.formData(), 'itemId') ?? undefined;
    const res = await send(api(event).api.surveys.queue.claim.$post({ json: { itemId } }));
    if (!res.ok) return fail(res.status, { message: apiErrorMessage(res) });
    redirect(303, `/surveys/queue/${res.data.itemId}`);
  }
};
