import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { AppEnv } from '../context.ts';
import { errorBody } from '../errors.ts';

/** Default maximum request body for the API: JSON forms and small uploads. */
export const DEFAULT_BODY_LIMIT = 1024 * 1024;

/**
 * Routes that need another limit (e.g. streamed CSV imports): the first matching entry wins.
 * `maxBytes: null` means no limit here (the route enforces its own while streaming).
 * Owners of such routes add their entry here.
 */
export const BODY_LIMITS: { method: string; path: RegExp; maxBytes: number | null }[] = [
  // CSV import: streamed row by row, never buffered; its own limit is checked while streaming (routes/calls/import-csv.ts).
  { method: 'POST', path: /^\/api\/calls\/import$/, maxBytes: null },
  // JSON batch: up to MAX_BATCH_RECORDS (5,000) records of about 400 bytes.
  { method: 'POST', path: /^\/api\/calls\/batch$/, maxBytes: 8 * 1024 * 1024 }
];

export function bodyLimitFor(method: string, path: string): number | null {
  const hit = BODY_LIMITS.find((l) => l.method === method && l.path.test(path));
  return hit ? hit.maxBytes : DEFAULT_BODY_LIMIT;
}

/** Says which limit was hit, and points to the streamed route when the method was wrong (curl -T sends PUT). */
export function tooLargeMessage(method: string, path: string, max: number): string {
  const other = BODY_LIMITS.find((l) => l.method !== method && l.path.test(path));
  const hint = other
    ? `; ${path} takes ${other.method}${other.maxBytes === null ? ', which streams files of any size' : ''} (curl -T sends PUT: use --data-binary @file, or add -X POST)`
    : '';
  return `Request body larger than ${max} bytes: the limit for one whole ${method} request to ${path}${hint}`;
}

const limiters = new Map<number, MiddlewareHandler<AppEnv>>();

export function requestBodyLimit(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (c.req.method === 'GET' || c.req.method === 'HEAD') return next();
    const max = bodyLimitFor(c.req.method, c.req.path);
    if (max === null) return next();
    let limiter = limiters.get(max);
    if (!limiter) {
      limiter = bodyLimit({
        maxSize: max,
        onError: (ctx) => ctx.json(errorBody(ctx, 'PAYLOAD_TOO_LARGE', tooLargeMessage(ctx.req.method, ctx.req.path, max)), 413)
      });
      limiters.set(max, limiter);
    }
    return limiter(c, next);
  };
}
