import { fail } from '@sveltejs/kit';
import { api, load as read, send } from '$lib/server/api-client';
import { requireCan } from '$lib/server/guard';
import { text } from '$lib/server/form-action';
import { apiErrorMessage } from '$lib/i18n/api-error';
import { m } from '$lib/paraglide/messages';
import { actorNames } from '../../../scorecards/actor-names.server';
import { templateFields } from '../template-form.server';
import type { Actions, PageServerLoad } from './$types';

const template = (event: Parameters<typeof api>[0]) => api(event).api.surveys.templates[':id'];

/**
 * One survey template: a version (the current one, or `?version=N` from the history) with its questions and a
 * preview in Dutch and English; managers change it (a new version with a note) and retire or restore it.
 */
export const load: PageServerLoad = async (event) => {
  requireCan(event.locals.me, 'manageSurveys');
  const data = await read(event, template(event).$get({ param: { id: event.params.id } }));
  const names = await actorNames(event, [...data.versions.map((v) => v.createdBy), data.template.retiredBy]);
  const asked = Number(event.url.searchParams.get('version'));
  const shown = data.versions.find((v) => v.version === asked) ?? data.template.current;
  return { ...data, names, shown };
};

export const actions: Actions = {
  addVersion: async (event) => {
    requireCan(event.locals.me, 'manageSurveys');
    const f = await event.request.formData();
    const json = { ...templateFields(f), note: text(f, 'note'), baseVersion: Number(text(f, 'baseVersion')) };
    const res = await send(template(event).versions.$post({ param: { id: event.params.id }, json }));
    if (!res.ok) {
      // Someone else made a version since this page was loaded, or it was retired meanwhile: say which.
      const message = res.status === 409 ? m.surveys_templates_changed_meanwhile() : apiErrorMessage(res);
      return fail(res.status, { form: 'edit', message, details: res.details, values: json });
    }
    return { form: 'edit', success: m.surveys_templates_saved({ version: res.data.template.current.version }) };
  },
  retire: async (event) => {
    requireCan(event.locals.me, 'manageSurveys');
    const res = await send(template(event).retire.$post({ param: { id: event.params.id } }));
    // A conflict here is an active callback plan asking with the template.
    if (!res.ok)
      return fail(res.status, {
        form: 'retire',
        message: res.status === 409 ? m.surveys_templates_retire_refused() : apiErrorMessage(res)
      });
    return { form: 'retire', success: m.surveys_templates_retired_done() };
  },
  restore: async (event) => {
    requireCan(event.locals.me, 'manageSurveys');
    const res = await send(template(event).restore.$post({ param: { id: event.params.id } }));
    // A conflict here is another template of the program in use.
    if (!res.ok)
      return fail(res.status, {
        form: 'restore',
        message: res.status === 409 ? m.surveys_templates_restore_refused() : apiErrorMessage(res)
      });
    return { form: 'restore', success: m.surveys_templates_restored_done() };
  }
};
