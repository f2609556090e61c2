import { error, fail, type RequestEvent } from '@sveltejs/kit';
import { ANSWER_SCALES, type SurveyAnswers } from '@attentive/shared/surveys';
import type { PublicSurvey } from '@attentive/shared/survey-links';
import { api, send } from '$lib/server/api-client';
import { readError } from '$lib/api/errors';
import { LOCALE_COOKIE, isLocale } from '$lib/i18n/resolve-locale';
import { m } from '$lib/paraglide/messages';
import type { Actions, PageServerLoad } from './$types';

/**
 * A customer's survey link (docs/callback-surveys-links.md): no session, the token in the address is the only
 * key. The page speaks the customer's language unless they chose another (the switcher's cookie), shows the
 * survey once, and after the answer (or a used or expired link) a short page that says so.
 */
type Shown = { state: 'open'; survey: PublicSurvey } | { state: 'used' | 'expired' | 'answered' | 'optedOut' } | { state: 'busy' };

function languageOf(event: RequestEvent, survey?: PublicSurvey): 'en' | 'nl' {
  const chosen = event.cookies.get(LOCALE_COOKIE);
  const lang = isLocale(chosen) ? chosen : (survey?.language ?? 'nl');
  event.locals.pageLang = lang;
  return lang;
}

async function fetchSurvey(event: RequestEvent): Promise<Shown> {
  const res = await api(event).api.public.surveys[':token'].$get({ param: { token: event.params.token! } });
  if (res.ok) return { state: 'open', survey: await res.json() };
  const failure = await readError(res as unknown as Response);
  if (failure.code === 'GONE') return { state: failure.details?.[0]?.message === 'expired' ? 'expired' : 'used' };
  if (failure.code === 'TOO_MANY_REQUESTS') return { state: 'busy' };
  // Unknown tokens and anything else: the plain "not found" page, like any address that is not ours.
  error(404, m.error_NOT_FOUND());
}

export const load: PageServerLoad = async (event) => {
  const shown = await fetchSurvey(event);
  const lang = languageOf(event, shown.state === 'open' ? shown.survey : undefined);
  return { shown, lang, path: event.url.pathname };
};

/** The form's fields as answers: `q_<id>` by the question's kind (numbers, yes/no as true/false, text). */
function answersFrom(form: FormData, survey: PublicSurvey): SurveyAnswers {
  const answers: SurveyAnswers = {};
  for (const q of survey.questions) {
    const raw = form.get(`q_${q.id}`);
    if (typeof raw !== 'string' || raw.trim() === '') continue;
    const scale = ANSWER_SCALES[q.kind];
    answers[q.id] = scale.type === 'scale' ? Number(raw) : scale.type === 'yes_no' ? raw === 'yes' : raw;
  }
  return answers;
}

export const actions: Actions = {
  answer: async (event) => {
    const form = await event.request.formData();
    const shown = await fetchSurvey(event);
    const lang = languageOf(event, shown.state === 'open' ? shown.survey : undefined);
    if (shown.state !== 'open') return { done: shown.state };
    const values = Object.fromEntries([...form.entries()].filter(([, v]) => typeof v === 'string')) as Record<string, string>;
    const sent = await send(
      api(event).api.public.surveys[':token'].$post({
        param: { token: event.params.token! },
        json: { language: lang, answers: answersFrom(form, shown.survey) }
      })
    );
    if (sent.ok) return { done: 'answered' as const };
    if (sent.code === 'GONE') return { done: sent.details?.[0]?.message === 'expired' ? ('expired' as const) : ('used' as const) };
    if (sent.code === 'TOO_MANY_REQUESTS') return { done: 'busy' as const };
    // Which question: the API names each (answers.<question id>); the page shows the message beside it.
    const wrong = Object.fromEntries(sent.details.filter((d) => d.path?.startsWith('answers.')).map((d) => [d.path!.slice(8), d.message]));
    return fail(400, { wrong, values });
  },
  optOut: async (event) => {
    languageOf(event);
    const sent = await send(api(event).api.public.surveys[':token']['opt-out'].$post({ param: { token: event.params.token! } }));
    if (sent.ok) return { done: 'optedOut' as const };
    if (sent.code === 'GONE') return { done: sent.details?.[0]?.message === 'expired' ? ('expired' as const) : ('used' as const) };
    if (sent.code === 'TOO_MANY_REQUESTS') return { done: 'busy' as const };
    error(404, m.error_NOT_FOUND());
  }
};
