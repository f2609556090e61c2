import { error, fail } from '@sveltejs/kit';
import { requireCan } from '$lib/server/guard';
import { api, load as read, send } from '$lib/server/api-client';
import { apiErrorMessage } from '$lib/i18n/api-error';
import { m } from '$lib/paraglide/messages';
import type { Actions, PageServerLoad } from './$types';

/** A program's callback plan: what is drawn each day, from which window, who is left out, how they are asked. */
export const load: PageServerLoad = async (event) => {
  requireCan(event.locals.me, 'manageSurveys');
  if (!/^[1-9][0-9]{0,15}$/.test(event.params.programId)) error(404, m.error_NOT_FOUND());
  return read(event, api(event).api.surveys.plans[':programId'].$get({ param: { programId: event.params.programId } }));
};

export const actions: Actions = {
  save: async (event) => {
    const f = await event.request.formData();
    const num = (k: string) => Number(String(f.get(k) ?? '').trim() || NaN);
    const json = {
      version: num('version'),
      templateId: num('templateId'),
      channel: String(f.get('channel')) === 'link' ? ('link' as const) : ('phone' as const),
      dailyCount: num('dailyCount'),
      delayMinHours: num('delayMinHours'),
      delayMaxHours: num('delayMaxHours'),
      quietDays: num('quietDays'),
      maxAttempts: num('maxAttempts'),
      retryMinutes: num('retryMinutes'),
      linkValidHours: num('linkValidHours'),
      active: f.get('active') === 'on'
    };
    const res = await send(api(event).api.surveys.plans[':programId'].$put({ param: { programId: event.params.programId }, json }));
    if (!res.ok)
      return fail(res.status, {
        message: res.code === 'CONFLICT' ? m.surveys_lists_plan_stale() : apiErrorMessage(res),
        details: res.details
      });
    return { success: m.surveys_lists_plan_saved() };
  }
};
