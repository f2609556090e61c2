import { fail, redirect } from '@sveltejs/kit';
import { STANDARD_INTRO, STANDARD_QUESTIONS } from '@attentive/shared/surveys';
import { api, load as read, send } from '$lib/server/api-client';
import { requireCan } from '$lib/server/guard';
import { optionalNumber } from '$lib/server/form-action';
import { apiErrorMessage } from '$lib/i18n/api-error';
import { m } from '$lib/paraglide/messages';
import { templateFields } from '../template-form.server';
import type { Actions, PageServerLoad } from './$types';

/** A program's survey template (managers): the form starts from the standard questions in both languages. */
export const load: PageServerLoad = async (event) => {
  requireCan(event.locals.me, 'manageSurveys');
  const c = api(event).api;
  const [programs, templates] = await Promise.all([
    read(event, c.admin.programs.$get()),
    read(event, c.surveys.templates.$get({ query: {} }))
  ]);
  // Programs with a template in use already get theirs changed (a new version), not a second one.
  const taken = new Set(templates.items.map((t) => t.programId));
  const free = programs.items.filter((p) => !taken.has(p.id)).map((p) => ({ id: p.id, code: p.code, name: p.name }));
  const chosen = Number(event.url.searchParams.get('program'));
  return {
    programs: free,
    programId: free.some((p) => p.id === chosen) ? chosen : null,
    standard: { name: m.surveys_templates_standard_name(), intro: STANDARD_INTRO, questions: STANDARD_QUESTIONS }
  };
};

export const actions: Actions = {
  default: async (event) => {
    requireCan(event.locals.me, 'manageSurveys');
    const f = await event.request.formData();
    const json = { programId: optionalNumber(f, 'programId') as number, ...templateFields(f) };
    const res = await send(api(event).api.surveys.templates.$post({ json }));
    if (!res.ok) {
      // A conflict: the program got a template meanwhile (its template is changed with a new version).
      const message = res.status === 409 ? m.surveys_templates_program_taken() : apiErrorMessage(res);
      return fail(res.status, { message, details: res.details, values: json });
    }
    redirect(303, `/surveys/templates/${res.data.template.id}`);
  }
};
