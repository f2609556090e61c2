import type { RequestEvent } from '@sveltejs/kit';
import { apiClient } from '$lib/api/client';
import type { Me } from '$lib/api/types';
import { apiApp } from './api';

/** Who is signed in: GET /api/me's answer, typed by the client. */
export type { Me };

/** Pages anyone may open without signing in. */
export const PUBLIC_PATHS = ['/sign-in'];

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

/** The page each role starts on; the first matching role wins. */
export function homeOf(me: Pick<Me, 'roles'>): string {
  const has = (r: Me['roles'][number]) => me.roles.includes(r);
  if (has('admin')) return '/admin';
  if (has('qa_analyst') || has('team_lead')) return '/work';
  if (has('client_auditor')) return '/client';
  if (has('agent')) return '/me';
  return '/home';
}
