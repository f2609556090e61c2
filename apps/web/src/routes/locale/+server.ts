import { error, redirect } from '@sveltejs/kit';
import { api, send } from '$lib/server/api-client';
import { safeNext } from '$lib/safe-next';
import { LOCALE_COOKIE, isLocale } from '$lib/i18n/resolve-locale';
import type { RequestHandler } from './$types';

/**
 * The header's language switcher posts here (a plain form: works without JavaScript). A signed-in
 * person's choice is saved on the person (PUT /api/me/preferences); the cookie keeps it for the
 * signed-out pages (the sign-in page, after signing out). Then back to the page it came from.
 */
export const POST: RequestHandler = async (event) => {
  const form = await event.request.formData();
  const locale = form.get('locale');
  if (!isLocale(locale)) error(400, 'locale must be en or nl');
  if (event.locals.me?.kind === 'user') {
    const saved = await send(api(event).api.me.preferences.$put({ json: { locale } }));
    if (!saved.ok) error(saved.status, saved.message);
  }
  event.cookies.set(LOCALE_COOKIE, locale, { path: '/', maxAge: 365 * 24 * 3600, httpOnly: true, sameSite: 'lax' });
  redirect(303, safeNext(String(form.get('next') ?? ''), event.url.origin) ?? '/');
};
