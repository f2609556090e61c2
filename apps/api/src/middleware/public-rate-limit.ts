import type { MiddlewareHandler } from 'hono';
import type { AppDeps, AppEnv } from '../context.ts';
import { errorBody } from '../errors.ts';

/** The header the servers (web hooks, serve.ts) set to the connection's address, overwriting whatever came in. */
export const CLIENT_ADDRESS_HEADER = 'x-attentive-client-address';

/** The public route family: no session, no principal, its own rate limit (docs/callback-surveys-links.md). */
export const PUBLIC_PREFIX = '/api/public/';
export const isPublicApiPath = (path: string) => path.startsWith(PUBLIC_PREFIX);

type Window = { start: number; count: number };
const WINDOW_MS = 60_000;
const MAX_TRACKED = 50_000; // addresses kept per window; beyond that the oldest windows are dropped first

/**
 * Requests per client address per minute to the public survey routes (SURVEY_LINK_LIMIT_PER_MINUTE), in a
 * fixed one-minute window; over it: 429 with Retry-After (seconds to the window's end). A respondent needs a
 * handful of requests; a token guesser needs billions (256-bit tokens), and gets 30 a minute. Kept in
 * memory per app: a restart forgives, which is harmless at this size of key space.
 */
export function publicRateLimit(deps: AppDeps): MiddlewareHandler<AppEnv> {
  const limit = deps.env.SURVEY_LINK_LIMIT_PER_MINUTE;
  const windows = new Map<string, Window>();
  return async (c, next) => {
    if (!isPublicApiPath(c.req.path)) return next();
    const now = deps.now ? deps.now().getTime() : Date.now();
    const address = c.req.header(CLIENT_ADDRESS_HEADER) ?? 'unknown';
    let w = windows.get(address);
    if (!w || now - w.start >= WINDOW_MS) {
      if (windows.size >= MAX_TRACKED)
        for (const [k, v] of windows) if (now - v.start >= WINDOW_MS || windows.size >= MAX_TRACKED) windows.delete(k);
      w = { start: now, count: 0 };
      windows.set(address, w);
    }
    w.count++;
    if (w.count > limit) {
      const seconds = Math.max(1, Math.ceil((w.start + WINDOW_MS - now) / 1000));
      c.header('Retry-After', String(seconds));
      return c.json(
        errorBody(c, 'TOO_MANY_REQUESTS', `Too many requests to survey links from this address; try again in ${seconds} second(s)`),
        429
      );
    }
    return next();
  };
}
