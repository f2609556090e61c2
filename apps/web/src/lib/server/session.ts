import type { RequestEvent } from '@sveltejs/kit';
import type { Capabilities } from '@attentive/shared';
import { apiApp } from './api';

export type Me = {
  kind: 'user' | 'token' | 'system';
  tenantId: number;
  personId: number | null;
  name: string;
  email: string | null;
  roles: string[];
  grants: { role: string; teamId?: number; clientId?: number; programId?: number }[];
  /** What the person may do (core policy `capabilitiesOf`): the nav and every page guard read it. */
  can: Capabilities;
};

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
  const res = await app.fetch(new Request(new URL('/api/me', event.url.origin), { headers: { cookie, accept: 'application/json' } }));
  const setCookies = res.headers.getSetCookie();
  if (res.status !== 200) return { me: null, setCookies };
  return { me: (await res.json()) as Me, setCookies };
}

/** The page a person starts on, by what it may do; the first that applies wins. */
export function homeOf(me: Pick<Me, 'can'>): string {
  if (me.can.administer) return '/admin';
  if (me.can.evaluate) return '/work';
  if (me.can.readClientPortal) return '/client';
  if (me.can.readOwnResults) return '/me';
  return '/home';
}
