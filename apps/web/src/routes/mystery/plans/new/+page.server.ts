import { fail, redirect } from '@sveltejs/kit';
import { requireCan } from '$lib/server/guard';
import { api, load as read, send } from '$lib/server/api-client';
import { apiErrorMessage } from '$lib/i18n/api-error';
import { readPlanForm } from '$lib/mystery-plans/plan-form';
import { m } from '$lib/paraglide/messages';
import type { Actions, PageServerLoad } from './$types';

/** Drafting a month's mystery calls: program, month, how many, how spread, which shoppers. */
export const load: PageServerLoad = async (event) => {
  requireCan(event.locals.me, 'manageMystery');
  return { options: await read(event, api(event).api.mystery.plans.options.$get()) };
};

export const actions: Actions = {
  default: async (event) => {
    const values = readPlanForm(await event.request.formData());
    const res = await send(api(event).api.mystery.plans.$post({ json: values }));
    if (!res.ok)
      return fail(res.status, {
        message: res.code === 'CONFLICT' ? m.mystery_plan_month_taken() : apiErrorMessage(res),
        details: res.details,
        values
      });
    redirect(303, `/mystery/plans/${res.data.id}`);
  }
};
