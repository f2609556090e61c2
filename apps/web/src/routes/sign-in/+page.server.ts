import { fail, redirect } from '@sveltejs/kit';
import { auth } from '$lib/server/api-client';
import { homeOf } from '$lib/server/session';
import { safeNext } from '$lib/safe-next';
import { m } from '$lib/paraglide/messages';
import { apiErrorMessage } from '$lib/i18n/api-error';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, url }) => {
  if (locals.me) redirect(303, safeNext(url.searchParams.get('next'), url.origin) ?? homeOf(locals.me));
  return {};
};

export const actions: Actions = {
  default: async (event) => {
    const { url } = event;
    const form = await event.request.formData();
    const email = String(form.get('email') ?? '').trim();
    const password = String(form.get('password') ?? '');
    if (!email || !password) return fail(400, { email, message: m.sign_in_missing() });
    // The session cookie the API sets is passed on to the browser by SvelteKit's fetch.
    const res = await auth(event, 'sign-in/email', { email, password });
    // A wrong e-mail or password (401) is said in the person's language; anything else by its error code.
    if (!res.ok)
      return fail(res.status === 429 ? 429 : 400, { email, message: res.status === 401 ? m.sign_in_failed() : apiErrorMessage(res) });
    redirect(303, safeNext(url.searchParams.get('next'), url.origin) ?? '/');
  }
};
