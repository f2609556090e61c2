import { fail, redirect } from '@sveltejs/kit';
import { requireCan } from '$lib/server/guard';
import { api, load as read, send } from '$lib/server/api-client';
import { apiErrorMessage } from '$lib/i18n/api-error';
import { m } from '$lib/paraglide/messages';
import type { Actions, PageServerLoad } from './$types';

/** Callback lists per program: the plan and the last two weeks' draws with their items by status (managers). */
export const load: PageServerLoad = async (event) => {
  requireCan(event.locals.me, 'manageSurveys');
  return read(event, api(event).api.surveys.draws.$get({ query: {} }));
};

export const actions: Actions = {
  /** Draws today's list of a program now, then shows it. */
  draw: async (event) => {
    const f = await event.request.formData();
    const programId = Number(String(f.get('programId') ?? ''));
    const res = await send(api(event).api.surveys.draws.$post({ json: { programId } }));
    if (!res.ok)
      return fail(res.status, { programId, message: res.code === 'CONFLICT' ? m.surveys_lists_already_drawn() : apiErrorMessage(res) });
    redirect(303, `/surveys/draws/${res.data.drawId}`);
  }
};
