import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { DomainError, type DomainErrorCode } from '@attentive/core';
import { isDatabaseUnreachable } from '@attentive/db';
import type { ErrorCode } from '@attentive/shared/contract';

/** The one mapping from domain error codes to HTTP statuses. */
export const STATUS_OF: Record<DomainErrorCode, ContentfulStatusCode> = {
  VALIDATION: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  GONE: 410,
  PRECONDITION_FAILED: 412,
  TOO_MANY_REQUESTS: 429
};

/** The one error envelope (ErrorEnvelope in @attentive/shared/contract, declared on every operation). */
export function errorBody(c: Context, code: ErrorCode, message: string, details?: unknown) {
  return { error: { code, message, ...(details ? { details } : {}), requestId: c.get('requestId') ?? 'unknown' } };
}

const HTTP_CODES: Partial<Record<number, ErrorCode>> = {
  400: 'VALIDATION',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE'
};

export const DATABASE_UNREACHABLE_MESSAGE = 'The database is not reachable; try again shortly';
/** Seconds a client waits before retrying after a 503: about what a libSQL server takes to restart. */
const DATABASE_RETRY_AFTER_S = 5;

export function handleError(err: Error, c: Context) {
  if (err instanceof DomainError) {
    return c.json(errorBody(c, err.code, err.message, err.details), STATUS_OF[err.code]);
  }
  if (err instanceof HTTPException) {
    const status = err.status as ContentfulStatusCode;
    const code = HTTP_CODES[status] ?? 'HTTP_ERROR';
    const message =
      status === 400 && /^Malformed JSON/.test(err.message)
        ? 'The request body is not valid JSON'
        : status === 415
          ? 'Unsupported body type: send the body with the Content-Type the API reference names for this route (application/json for JSON)'
          : err.message || 'Request refused';
    return c.json(errorBody(c, code, message), status);
  }
  if (isDatabaseUnreachable(err)) {
    // The libSQL server is down or restarting: a clear "try again" instead of a 500 (nothing was stored: a
    // transaction that lost its server is never committed). The client reconnects by itself once it is back.
    console.error(`[${c.get('requestId')}] database unreachable: ${safeErrorSummary(err)}`);
    c.header('Retry-After', String(DATABASE_RETRY_AFTER_S));
    return c.json(errorBody(c, 'UNAVAILABLE', DATABASE_UNREACHABLE_MESSAGE), 503);
  }
  // Never leak internals: log with the request id, answer with it.
  console.error(`[${c.get('requestId')}] unhandled error: ${safeErrorSummary(err)}`);
  return c.json(errorBody(c, 'INTERNAL', 'Something went wrong on our side; quote the request id when reporting it'), 500);
}

/**
 * What of an unexpected error may go to the log: its kind, the message without query parameters
 * (drizzle puts bound values, i.e. customer data, after "params:"), the database's own reason and the stack frames.
 */
export function safeErrorSummary(err: Error): string {
  const strip = (m: string) => m.replace(/\nparams:[\s\S]*$/, '\nparams: (withheld)');
  const cause = err.cause instanceof Error ? ` | cause: ${err.cause.name}: ${strip(err.cause.message)}` : '';
  const frames = (err.stack ?? '')
    .split('\n')
    .filter((l) => l.trimStart().startsWith('at '))
    .slice(0, 8)
    .join('\n');
  return `${err.name}: ${strip(err.message)}${cause}\n${frames}`;
}

/** zod-openapi's validation hook: a 400 that names each bad field. */
export function validationHook(result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }, c: Context) {
  if (!result.success && result.error) {
    const details = result.error.issues.map((i) => ({ path: i.path.map(String).join('.') || '(body)', message: i.message }));
    return c.json(errorBody(c, 'VALIDATION', `Invalid input: ${details.map((d) => `${d.path}: ${d.message}`).join('; ')}`, details), 400);
  }
}
