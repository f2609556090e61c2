import { error, redirect, type RequestEvent } from '@sveltejs/kit';
import type { ClientResponse } from 'hono/client';
import { apiClient, type Client, type Ok, type Sent } from '$lib/api/client';
import { loadOutcome, readError } from '$lib/api/errors';
import { apiErrorMessage } from '$lib/i18n/api-error';

export { send } from '$lib/api/client';

/** The typed API client for a load or action: the in-process /api with the person's cookies. */
export function api(event: Pick<RequestEvent, 'fetch' | 'url'>): Client {
  return apiClient(event.fetch, event.url.origin);
}

/** A load's read: the typed 2xx body, or the page answers as `loadOutcome` says (sign-in redirect, 404, the error code's message). */
export async function load<R extends ClientResponse<unknown, number, 'json'>>(
  event: Pick<RequestEvent, 'url'>,
  call: Promise<R>
): Promise<Ok<R>> {
  const res = await call;
  if (res.ok) return (await res.json()) as Ok<R>;
  const failure = await readError(res as unknown as Response);
  const outcome = loadOutcome(failure, event.url.pathname + event.url.search);
  if ('redirect' in outcome) redirect(303, outcome.redirect);
  // The page error says it in the person's language (the API's English message is for API users).
  error(outcome.status, apiErrorMessage(failure));
}

/**
 * The sign-in and sign-out endpoints (better-auth, mounted under /api/auth/*) are not typed routes of
 * the RPC client; they are called here, in the wrapper, and their failures read by the same parser.
 */
export async function auth(
  event: Pick<RequestEvent, 'fetch'>,
  path: 'sign-in/email' | 'sign-out',
  body?: Record<string, string>
): Promise<Sent<null>> {
  const res = await event.fetch(`/api/auth/${path}`, {
    method: 'POST',
    headers: body ? { 'content-type': 'application/json', accept: 'application/json' } : { accept: 'application/json' },
    body: body ? JSON.stringify(body) : undefined
  });
  if (!res.ok) return { ok: false, ...(await readError(res)) };
  return { ok: true, status: res.status, data: null };
}
