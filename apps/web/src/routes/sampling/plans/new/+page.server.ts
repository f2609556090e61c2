import { fail, redirect } from '@sveltejs/kit';
import { requireCan } from '$lib/server/guard';
import type { Actions, PageServerLoad } from './$types';
import { api, load as read, send } from '$lib/server/api-client';
import { readPlanForm } from '$lib/server/sampling-form';
import { actionError } from '$lib/sampling/action-error';
import { m } from '$lib/paraglide/messages';

export const load: PageServerLoad = async (event) => {
  const { locals } = event;
  requireCan(locals.me, 'manageSampling');
  return { options: await read(event, api(event).api.sampling.options.$get()) };
};

export const actions: Actions = {
  save: async (event) => {
    const form = await readPlanForm(event.request);
    if (!form.ok) return fail(400, { message: m.sampling_plan_unreadable() });
    const res = await send(
      api(event).api.sampling.plans.$post({ json: { programId: form.programId, name: form.name, definition: form.definition } })
    );
    if (!res.ok)
      return fail(res.status, {
        message: actionError(res, { CONFLICT: m.sampling_plan_name_taken }),
        definition: form.definition,
        name: form.name,
        programId: form.programId
      });
    redirect(303, `/sampling/plans/${res.data.id}?saved=1`);
  }
};
