import { hcWithType, type Client } from '@attentive/api/client';
import type { ClientResponse } from 'hono/client';
import type { SuccessStatusCode } from 'hono/utils/http-status';
import { ApiError, readError, type ApiFailure } from './errors';

export type { Client };
export type { InferRequestType, InferResponseType } from 'hono/client';

/**
 * The typed API client (Hono RPC), the only way the web reaches /api. On the server pass the load's
 * `event.fetch` and `event.url.origin`: requests then reach the in-process API with the user's cookies.
 * In the browser pass nothing: the browser's fetch, same origin.
 */
export function apiClient(
  fetch: typeof globalThis.fetch = globalThis.fetch,
  origin = globalThis.location?.origin ?? 'http://localhost'
): Client {
  return hcWithType(origin, { fetch, headers: { accept: 'application/json' } });
}

/** The body of a call's successful (2xx) JSON answers. */
export type Ok<R> = R extends ClientResponse<infer T, infer S, 'json'> ? (S extends SuccessStatusCode ? T : never) : never;

export type Sent<T> = { ok: true; status: number; data: T } | ({ ok: false } & ApiFailure);

/** A call whose failure the caller shows (a form action, a browser call): `{ ok: true, data }` or `{ ok: false, status, message, code }`. */
export async function send<R extends ClientResponse<unknown, number, 'json'>>(call: Promise<R>): Promise<Sent<Ok<R>>> {
  let res: R;
  try {
    res = await call;
  } catch {
    return {
      ok: false,
      status: 0,
      code: 'NETWORK',
      message: 'The server could not be reached. Check your connection and try again.',
      details: []
    };
  }
  if (!res.ok) return { ok: false, ...(await readError(res as unknown as Response)) };
  const data = res.status === 204 ? undefined : await res.json();
  return { ok: true, status: res.status, data: data as Ok<R> };
}

/** A call whose failure is an exception: the typed 2xx body, or an `ApiError` (status, code, message, details). */
export async function must<R extends ClientResponse<unknown, number, 'json'>>(call: Promise<R>): Promise<Ok<R>> {
  const res = await send(call);
  if (!res.ok) throw new ApiError(res);
  return res.data;
}
