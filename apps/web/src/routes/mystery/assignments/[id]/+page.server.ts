import { error, fail, redirect } from '@sveltejs/kit';
import { api, load as read, send } from '$lib/server/api-client';
import { apiErrorMessage } from '$lib/i18n/api-error';
import { optionalNumber, optionalText, text } from '$lib/server/form-action';
import { m } from '$lib/paraglide/messages';
import { DEFAULT_TIME_ZONE } from '@attentive/shared/settings';
import { todayIn } from '$lib/format/calendar';
import { zonedInstant } from './zoned-time';
import type { Actions, PageServerLoad } from './$types';

/** One assignment: the shopper's form (or, once recorded, what was recorded). */
export const load: PageServerLoad = async (event) => {
  const id = Number(event.params.id);
  if (!/^[1-9][0-9]*$/.test(event.params.id)) error(404, m.error_NOT_FOUND());
  const view = await read(event, api(event).api.mystery.assignments[':id'].$get({ param: { id: String(id) } }));
  // The form's date starts at the day of the window (the contact center's calendar), or today once it passed.
  const zone = event.locals.me?.timeZone ?? DEFAULT_TIME_ZONE;
  const start = new Date(view.assignment.windowStart);
  const day = todayIn(zone, start.getTime() < Date.now() ? new Date() : start);
  return { view, day };
};

const yesNo = (f: FormData, key: string) => (f.get(key) === 'yes' ? true : f.get(key) === 'no' ? false : null);
/** A scorecard answer as typed: a scale's number, else the option key ('yes', 'no', 'na', a choice). */
const answerOf = (v: string) => (/^-?\d+$/.test(v) ? Number(v) : v);

export const actions: Actions = {
  default: async (event) => {
    const f = await event.request.formData();
    const zone = event.locals.me?.timeZone ?? DEFAULT_TIME_ZONE;
    const day = text(f, 'day');
    const outcome = text(f, 'outcome') as 'answered' | 'never_answered' | 'gave_up';
    const answered = outcome === 'answered';
    const dialledAt = zonedInstant(day, text(f, 'dialledTime'), zone);
    const answeredAt = answered ? zonedInstant(day, text(f, 'answeredTime'), zone) : null;
    const values = Object.fromEntries([...f.entries()].map(([k, v]) => [k, String(v)]));
    // What the API cannot be sent at all is said here, beside its field, in the person's language.
    const local = [
      ...(dialledAt ? [] : [{ path: 'dialledAt', message: m.mystery_form_need_time() }]),
      ...(answered && !answeredAt ? [{ path: 'answeredAt', message: m.mystery_form_need_time() }] : []),
      ...(outcome ? [] : [{ path: 'outcome', message: m.mystery_form_need_outcome() }])
    ];
    if (local.length) return fail(400, { message: m.mystery_form_fix(), details: local, values });
    const answers: Record<string, string | number> = {};
    if (answered) for (const [k, v] of f.entries()) if (k.startsWith('answer:') && String(v)) answers[k.slice(7)] = answerOf(String(v));
    const res = await send(
      api(event).api.mystery.assignments[':id'].call.$post({
        param: { id: event.params.id },
        json: {
          scenarioVersionId: optionalNumber(f, 'scenarioVersionId') ?? undefined,
          dialledAt: dialledAt!.toISOString(),
          outcome,
          answeredAt: answeredAt?.toISOString() ?? null,
          gaveUpAfterSeconds: outcome === 'gave_up' ? optionalNumber(f, 'gaveUpAfterSeconds') : null,
          menuSteps: optionalNumber(f, 'menuSteps') ?? 0,
          menuChoices: text(f, 'menuChoices')
            .split('\n')
            .map((s) => s.trim())
            .filter(Boolean),
          holdSeconds: optionalNumber(f, 'holdSeconds') ?? 0,
          transfers: optionalNumber(f, 'transfers') ?? 0,
          resolved: answered ? yesNo(f, 'resolved') : null,
          agentNameGiven: answered ? optionalText(f, 'agentNameGiven') : null,
          rightAnswerGiven: answered ? yesNo(f, 'rightAnswerGiven') : null,
          opportunityTaken: answered ? yesNo(f, 'opportunityTaken') : null,
          notes: text(f, 'notes'),
          answers
        }
      })
    );
    if (!res.ok) return fail(res.status, { message: apiErrorMessage(res), details: res.details, values });
    redirect(303, `/mystery/assignments/${event.params.id}?recorded=1`);
  }
};
