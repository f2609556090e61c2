import { fail, redirect } from '@sveltejs/kit';
import { requireCan } from '$lib/server/guard';
import type { Actions, PageServerLoad } from './$types';
import { getJson, sendJson } from '$lib/server/api-json';
import type { SamplingOptions } from '$lib/sampling/types';
import { readPlanForm } from '$lib/server/sampling-form';

export const load: PageServerLoad = async ({ locals, fetch }) => {
  requireCan(locals.me, 'manageSampling');
  return { options: await getJson<SamplingOptions>(fetch, '/api/sampling/options') };
};

export const actions: Actions = {
  save: async ({ request, fetch }) => {
    const form = await readPlanForm(request);
    if (!form.ok) return fail(400, { message: form.message });
    const res = await sendJson<{ id: number }>(fetch, 'POST', '/api/sampling/plans', { programId: form.programId, name: form.name, definition: form.definition });
    if (!res.ok) return fail(res.status, { message: res.message, definition: form.definition, name: form.name, programId: form.programId });
    redirect(303, `/sampling/plans/${res.data.id}?saved=1`);
  }
};
