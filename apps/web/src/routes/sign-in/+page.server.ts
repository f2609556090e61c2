import { fail, redirect } from '@sveltejs/kit';
import { auth } from '$lib/server/api-client';
import { homeOf } from '$lib/server/session';
import { safeNext } from '$lib/safe-next';
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
    if (!email || !password) return fail(400, { email, message: 'Enter your e-mail address and password.' });
    // The session cookie the API sets is passed on to the browser by SvelteKit's fetch.
    const res = await auth(event, 'sign-in/email', { email, password });
    if (!res.ok) return fail(res.status === 429 ? 429 : 400, { email, message: res.message });
    redirect(303, safeNext(url.searchParams.get('next'), url.origin) ?? '/');
  }
};
