import type { Handle, HandleServerError, ServerInit } from '@sveltejs/kit';
import { redirect } from '@sveltejs/kit';
import { apiApp } from '$lib/server/api';
import { isPublicPath, loadMe } from '$lib/server/session';

export const init: ServerInit = async () => {
  await apiApp();
};

export const handle: Handle = async ({ event, resolve }) => {
  if (event.url.pathname === '/api' || event.url.pathname.startsWith('/api/')) {
    const app = await apiApp();
    return app.fetch(event.request);
  }
  // Every page needs a signed-in person, except the sign-in page itself.
  const { me, setCookies } = await loadMe(event);
  event.locals.me = me;
  if (!me && !isPublicPath(event.url.pathname)) {
    const next = event.url.pathname + event.url.search;
    redirect(303, next === '/' ? '/sign-in' : `/sign-in?next=${encodeURIComponent(next)}`);
  }
  const response = await resolve(event);
  for (const c of setCookies) response.headers.append('set-cookie', c);
  // CSP (with frame-ancestors 'none') comes from svelte.config.js; these complete it.
  response.headers.set('x-content-type-options', 'nosniff');
  response.headers.set('referrer-policy', 'strict-origin-when-cross-origin');
  response.headers.set('x-frame-options', 'DENY');
  return response;
};

export const handleError: HandleServerError = ({ error, event, status }) => {
  const requestId = crypto.randomUUID();
  if (status >= 500) console.error(`[${requestId}] ${event.request.method} ${event.url.pathname}:`, error);
  return { message: status === 404 ? 'Not found' : 'Something went wrong on our side', requestId };
};
