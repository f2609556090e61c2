import { fail, redirect } from '@sveltejs/kit';
import { api, load as read, send } from '$lib/server/api-client';
import { requireCan } from '$lib/server/guard';
import { optionalNumber } from '$lib/server/form-action';
import { apiErrorMessage } from '$lib/i18n/api-error';
import { scenarioFields, scorecardOptions } from '../scenario-form.server';
import type { Actions, PageServerLoad } from './$types';

/** A new scenario for a program's library (managers): the programs, and the published scorecards to score it on. */
export const load: PageServerLoad = async (event) => {
  requireCan(event.locals.me, 'manageMystery');
  const programs = (await read(event, api(event).api.admin.programs.$get())).items.map((p) => ({ id: p.id, code: p.code, name: p.name }));
  const chosen = Number(event.url.searchParams.get('program'));
  return { programs, scorecards: await scorecardOptions(event), programId: programs.some((p) => p.id === chosen) ? chosen : null };
};

export const actions: Actions = {
  default: async (event) => {
    requireCan(event.locals.me, 'manageMystery');
    const f = await event.request.formData();
    const json = { programId: optionalNumber(f, 'programId') as number, ...scenarioFields(f) };
    const res = await send(api(event).api.mystery.scenarios.$post({ json }));
    if (!res.ok) return fail(res.status, { message: apiErrorMessage(res), details: res.details, values: json });
    redirect(303, `/mystery/scenarios/${res.data.scenario.id}`);
  }
};
