import { apiErrorMessage } from '$lib/i18n/api-error';

/** One entry of the envelope's `details`: what was wrong with which input (`path` as `answers.<itemId>`). */
export type ErrorDetail = { path?: string; message: string };

/** What a failed API call means to a screen: its status, the API's stable code, its message and details. */
export type ApiFailure = { status: number; code: string; message: string; details: ErrorDetail[] };

/**
 * A failed call, thrown by `must` for code that handles failures with try/catch (browser sessions). Its
 * `message` is what a screen shows: the error code's message in the page's language (`apiMessage` keeps
 * the API's English text).
 */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: ErrorDetail[];
  readonly apiMessage: string;
  constructor(f: ApiFailure) {
    super(apiErrorMessage(f));
    this.apiMessage = f.message;
    this.status = f.status;
    this.code = f.code;
    this.details = f.details;
  }
}

/**
 * The one error parser: the API answers `{ error: { code, message } }` on every failure;
 * anything else (a proxy's HTML page, an empty body) still becomes a readable message.
 */
export function failureOf(status: number, body: unknown): ApiFailure {
  const error = typeof body === 'object' && body !== null ? (body as { error?: unknown }).error : undefined;
  const e = typeof error === 'object' && error !== null ? (error as { code?: unknown; message?: unknown; details?: unknown }) : {};
  const details = Array.isArray(e.details)
    ? e.details.flatMap((d: unknown) => {
        const { path, message } = (typeof d === 'object' && d !== null ? d : {}) as { path?: unknown; message?: unknown };
        return typeof message === 'string' ? [{ ...(typeof path === 'string' ? { path } : {}), message }] : [];
      })
    : [];
  return {
    status,
    details,
    code: typeof e.code === 'string' ? e.code : `HTTP_${status}`,
    message: typeof e.message === 'string' && e.message !== '' ? e.message : `Request failed (${status})`
  };
}

/** Reads a failed response's body (JSON or not) into an `ApiFailure`. */
export async function readError(res: Response): Promise<ApiFailure> {
  let body: unknown = null;
  try {
    body = await res.json();
  } catch {
    /* not JSON */
  }
  return failureOf(res.status, body);
}

/**
 * How a server load answers a failed API call: 401 → sign in again and come back here;
 * any other 4xx (404 for a foreign or missing id, 412, 409…) → the same page error with the API's message;
 * 5xx → a 5xx page (bad input is never a 500).
 */
export function loadOutcome(f: ApiFailure, here: string): { redirect: string } | { status: number; message: string } {
  if (f.status === 401) return { redirect: `/sign-in?next=${encodeURIComponent(here)}` };
  return { status: f.status >= 400 && f.status <= 599 ? f.status : 500, message: f.message };
}
