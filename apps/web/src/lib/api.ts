import { hc } from 'hono/client';
import type { ApiApp } from '@attentive/api';

/**
 * The typed API client (Hono RPC). In load functions and actions pass `event.fetch`: requests to
 * /api then reach the in-process API without a network hop, with the user's cookies.
 */
export function api(fetch: typeof globalThis.fetch, origin = '') {
  return hc<ApiApp>(origin || 'http://localhost', { fetch });
}

export type ApiError = { error: { code: string; message: string; details?: { path?: string; line?: number; column?: string; message: string }[]; requestId: string } };

/** Turns any API error response into one readable message (the one place that does). */
export async function errorMessage(res: Response): Promise<string> {
  try {
    const body = (await res.json()) as ApiError;
    return body.error?.message ?? `Request failed (${res.status})`;
  } catch {
    return `Request failed (${res.status})`;
  }
}
