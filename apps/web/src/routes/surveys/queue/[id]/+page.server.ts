import { error, fail, redirect } from '@sveltejs/kit';
import { can } from '$lib/server/guard';
import { api, load as read, send } from '$lib/server/api-client';
import { apiErrorMessage } from '$lib/i18n/api-error';
import { text } from '$lib/server/form-action';
import { m } from '$lib/paraglide/messages';
import { CALLER_ATTEMPT_OUTCOMES } from '@attentive/shared/survey-queue';
import { goToNextCustomer } from '../next-customer';
import { answersOf } from './answers-of';
import type { Actions, PageServerLoad } from './$types';

/** The script of the customer the caller holds: who to call, what to read out, the outcome, the answers. */
export const load: PageServerLoad = async (event) => {
  if (!can(event.locals.me, 'callSurveys') || !/^[1-9][0-9]*$/.test(event.params.id)) error(404, m.error_NOT_FOUND());
  const item = await read(event, api(event).api.surveys.queue[':itemId'].$get({ param: { itemId: event.params.id } }));
  return { item };
};

const param = (id: string) => ({ param: { itemId: id } });

export const actions: Actions = {
  /** No survey this time: the outcome, then straight to the next customer. */
  attempt: async (event) => {
    const f = await event.request.formData();
    const outcome = text(f, 'outcome') as (typeof CALLER_ATTEMPT_OUTCOMES)[number];
    const res = await send(
      api(event).api.surveys.queue[':itemId'].attempts.$post({
        ...param(event.params.id),
        json: { outcome, optOut: outcome === 'declined' && f.get('optOut') === 'on' }
      })
    );
    if (!res.ok) return fail(res.status, { form: 'attempt' as const, message: apiErrorMessage(res), details: res.details });
    return goToNextCustomer(event, outcome);
  },
  /** The customer answered: the answers, then straight to the next customer. */
  answers: async (event) => {
    const f = await event.request.formData();
    const view = await read(event, api(event).api.surveys.queue[':itemId'].$get(param(event.params.id)));
    const values = Object.fromEntries([...f.entries()].map(([k, v]) => [k, String(v)]));
    const res = await send(
      api(event).api.surveys.queue[':itemId'].response.$post({
        ...param(event.params.id),
        json: { answers: answersOf(view.questions, f), language: view.language }
      })
    );
    if (!res.ok) return fail(res.status, { form: 'answers' as const, message: apiErrorMessage(res), details: res.details, values });
    return goToNextCustomer(event, 'completed');
  },
  /** A break, or the wrong customer: back in the queue untried. */
  release: async (event) => {
    const res = await send(api(event).api.surveys.queue[':itemId'].release.$post(param(event.params.id)));
    if (!res.ok) return fail(res.status, { form: 'release' as const, message: apiErrorMessage(res) });
    redirect(303, '/surveys/queue?last=released');
  }
};
