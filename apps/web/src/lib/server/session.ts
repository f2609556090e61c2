import type { RequestEvent } from '@sveltejs/kit';
import { apiClient } from '$lib/api/client';
import type { Me } from '$lib/api/types';
import { apiApp } from './api';

/** Who is signed in: GET /api/me's answer (with `can`, what the person may do), typed by the client. */
export type { Me };

/**
 * Pages anyone may open without signing in (/locale: the language switcher, also on the sign-in page;
 * /s/<token>: a customer's survey link, whose token is its only key).
 */
export const PUBLIC_PATHS = ['/sign-in', '/locale', '/s'];

export const isPublicPath = (path: string) => PUBLIC_PATHS.some((p) => path === p || path.startsWith(`${p}/`));

/**
 * Who is signed in, asked of the in-process API (GET /api/me) with the browser's cookies.
 * Returns the refreshed session cookie, if the API extended the session, so the caller can pass it on.
 */
export async function loadMe(event: RequestEvent): Promise<{ me: Me | null; setCookies: string[] }> {
  const cookie = event.request.headers.get('cookie');
  if (!cookie) return { me: null, setCookies: [] };
  const app = await apiApp();
  // Straight to the app, not event.fetch: this runs in `handle`, before the request is resolved.
  const api = apiClient((input, init) => Promise.resolve(app.fetch(new Request(input, init))), event.url.origin).api;
  const res = await api.me.$get(undefined, { headers: { cookie } });
  const setCookies = res.headers.getSetCookie();
  if (res.status !== 200) return { me: null, setCookies };
  return { me: await res.json(), setCookies };
}

/** The page a person starts on, by what it may do; the first that applies wins. */
export function homeOf(me: Pick<Me, 'can'>): string {
  if (me.can.administer) return '/admin';
  if (me.can.evaluate) return '/work';
  if (me.can.readClientPortal) return '/client';
  if (me.can.readOwnResults) return '/me';
  if (me.can.shopMystery) return '/mystery';
  if (me.can.callSurveys) return '/surveys/queue';
  return '/home';
}
