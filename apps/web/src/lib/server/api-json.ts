import { error } from '@sveltejs/kit';
import { errorMessage } from '$lib/api';

/**
 * GET a JSON resource from the in-process API with the user's cookies (pass the load's `fetch`).
 * An API error becomes the same page error: a foreign or missing id is a not-found page.
 */
export async function getJson<T>(fetch: typeof globalThis.fetch, path: string): Promise<T> {
  const res = await fetch(path, { headers: { accept: 'application/json' } });
  if (!res.ok) error(res.status, await errorMessage(res));
  return (await res.json()) as T;
}

/** A write to the API from a form action: `{ ok: true, data }` or `{ ok: false, status, message }`. */
export async function sendJson<T = unknown>(
  fetch: typeof globalThis.fetch,
  method: 'POST' | 'PATCH' | 'PUT' | 'DELETE',
  path: string,
  body?: unknown
): Promise<{ ok: true; data: T } | { ok: false; status: number; message: string }> {
  const res = await fetch(path, {
    method,
    headers: body === undefined ? { accept: 'application/json' } : { 'content-type': 'application/json', accept: 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body)
  });
  if (!res.ok) return { ok: false, status: res.status, message: await errorMessage(res) };
  return { ok: true, data: (await res.json()) as T };
}
