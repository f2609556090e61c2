import type { Handle, HandleServerError, ServerInit } from '@sveltejs/kit';
import { apiApp } from '$lib/server/api';

export const init: ServerInit = async () => {
  await apiApp();
};

export const handle: Handle = async ({ event, resolve }) => {
  if (event.url.pathname === '/api' || event.url.pathname.startsWith('/api/')) {
    const app = await apiApp();
    return app.fetch(event.request);
  }
  return resolve(event);
};

export const handleError: HandleServerError = ({ error, event, status }) => {
  const requestId = crypto.randomUUID();
  if (status >= 500) console.error(`[${requestId}] ${event.request.method} ${event.url.pathname}:`, error);
  return { message: status === 404 ? 'Not found' : 'Something went wrong on our side', requestId };
};
