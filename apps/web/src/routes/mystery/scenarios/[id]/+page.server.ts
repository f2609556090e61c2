import { fail } from '@sveltejs/kit';
import { api, load as read, send } from '$lib/server/api-client';
import { can, requireCan } from '$lib/server/guard';
import { text } from '$lib/server/form-action';
import { apiErrorMessage } from '$lib/i18n/api-error';
import { m } from '$lib/paraglide/messages';
import { actorNames } from '../../../scorecards/actor-names.server';
import { scenarioFields, scorecardOptions } from '../scenario-form.server';
import type { Actions, PageServerLoad } from './$types';

const scenario = (event: Parameters<typeof api>[0]) => api(event).api.mystery.scenarios[':id'];

/** One scenario: its current version and history; managers edit it (a new version) and retire or restore it. */
export const load: PageServerLoad = async (event) => {
  const data = await read(event, scenario(event).$get({ param: { id: event.params.id } }));
  const manager = can(event.locals.me, 'manageMystery');
  const names = await actorNames(event, [...data.versions.map((v) => v.createdBy), data.scenario.retiredBy]);
  const scorecards = manager
    ? (await scorecardOptions(event)).filter((s) => s.programId == null || s.programId === data.scenario.programId)
    : [];
  return { ...data, names, manager, scorecards };
};

export const actions: Actions = {
  revise: async (event) => {
    requireCan(event.locals.me, 'manageMystery');
    const f = await event.request.formData();
    const json = { ...scenarioFields(f), note: text(f, 'note'), baseVersion: Number(text(f, 'baseVersion')) };
    const res = await send(scenario(event).versions.$post({ param: { id: event.params.id }, json }));
    if (!res.ok) {
      // Someone else made a version since this page was loaded, or it was retired meanwhile: say which.
      const message = res.status === 409 ? m.mystery_scenario_changed_meanwhile() : apiErrorMessage(res);
      return fail(res.status, { form: 'revise', message, details: res.details, values: json });
    }
    return { form: 'revise', success: m.mystery_scenario_saved({ version: res.data.scenario.current.version }) };
  },
  retire: async (event) => {
    requireCan(event.locals.me, 'manageMystery');
    const res = await send(scenario(event).retire.$post({ param: { id: event.params.id } }));
    if (!res.ok) return fail(res.status, { form: 'retire', message: apiErrorMessage(res) });
    return { form: 'retire', success: m.mystery_scenario_retired_done() };
  },
  restore: async (event) => {
    requireCan(event.locals.me, 'manageMystery');
    const res = await send(scenario(event).restore.$post({ param: { id: event.params.id } }));
    if (!res.ok) return fail(res.status, { form: 'restore', message: apiErrorMessage(res) });
    return { form: 'restore', success: m.mystery_scenario_restored_done() };
  }
};
