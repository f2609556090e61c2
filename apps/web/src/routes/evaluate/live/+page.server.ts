import { fail, redirect } from '@sveltejs/kit';
import { api, load as read, send } from '$lib/server/api-client';
import { apiErrorMessage } from '$lib/i18n/api-error';
import { m } from '$lib/paraglide/messages';
import type { Actions, PageServerLoad } from './$types';

/** Live monitoring: side-by-side listening, scored like any evaluation but with no recording. */
export const load: PageServerLoad = async (event) => {
  const f = await read(event, api(event).api.calls.filters.$get());
  return { programs: f.programs, teams: f.teams, agents: f.agents };
};

export const actions: Actions = {
  default: async (event) => {
    const form = await event.request.formData();
    const agentId = Number(form.get('agentId'));
    const programId = Number(form.get('programId'));
    if (!agentId || !programId) return fail(400, { message: m.evaluate_live_missing() });
    const res = await send(api(event).api.evaluations.$post({ json: { agentId, programId, kind: 'live' } }));
    if (!res.ok) return fail(res.status, { message: apiErrorMessage(res) });
    redirect(303, `/evaluations/${res.data.evaluation.id}`);
  }
};
