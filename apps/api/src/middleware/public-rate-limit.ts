import type { MiddlewareHandler } from 'hono';
import { countRequest, pruneRequestWindows } from '@attentive/core/processes/request-window';
import type { AppDeps, AppEnv } from '../context.ts';
import { errorBody } from '../errors.ts';

/** The header the servers (web hooks, serve.ts) set to the connection's address, overwriting whatever came in. */
export const CLIENT_ADDRESS_HEADER = 'x-attentive-client-address';

/** The public route family: no session, no principal, its own rate limit (docs/callback-surveys-links.md). */
export const PUBLIC_PREFIX = '/api/public/';
export const isPublicApiPath = (path: string) => path.startsWith(PUBLIC_PREFIX);

const WINDOW_MS = 60_000;

/**
 * Requests per client address per minute to the public survey routes (SURVEY_LINK_LIMIT_PER_MINUTE), in a
 * fixed one-minute window; over it: 429 with Retry-After (seconds to the window's end). A respondent needs a
 * handful of requests; a token guesser needs billions (256-bit tokens), and gets 30 a minute. Counted in the
 * database (request_windows), so several app processes behind one proxy share one count per address.
 */
export function publicRateLimit(deps: AppDeps): MiddlewareHandler<AppEnv> {
  const limit = deps.env.SURVEY_LINK_LIMIT_PER_MINUTE;
  let prunedAt = -Infinity;
  // Addresses this process has seen over the limit, until their window ends. Within a window the shared count
  // only grows, so they stay refused whatever other processes count: a sweep of guesses is then answered
  // without a write per request. Only a shortcut: the database's count decides every first refusal.
  const refusedUntil = new Map<string, number>();
  const tooMany = (c: Parameters<MiddlewareHandler<AppEnv>>[0], until: number, now: number) => {
    const seconds = Math.max(1, Math.ceil((until - now) / 1000));
    c.header('Retry-After', String(seconds));
    return c.json(
      errorBody(c, 'TOO_MANY_REQUESTS', `Too many requests to survey links from this address; try again in ${seconds} second(s)`),
      429
    );
  };
  return async (c, next) => {
    if (!isPublicApiPath(c.req.path)) return next();
    const now = deps.now ? deps.now() : new Date();
    const address = c.req.header(CLIENT_ADDRESS_HEADER) ?? 'unknown';
    const until = refusedUntil.get(address);
    if (until !== undefined && now.getTime() < until) return tooMany(c, until, now.getTime());
    // Ended windows of addresses not seen since are deleted at most once a minute per process: one indexless
    // DELETE over a table that holds at most the addresses of the last minute or two.
    if (Math.abs(now.getTime() - prunedAt) >= WINDOW_MS) {
      prunedAt = now.getTime();
      await pruneRequestWindows(deps.db, WINDOW_MS, now);
      for (const [a, u] of refusedUntil) if (u <= now.getTime()) refusedUntil.delete(a);
    }
    const w = await countRequest(deps.db, `public:${address}`, WINDOW_MS, now);
    if (w.count > limit) {
      const end = w.windowStart.getTime() + WINDOW_MS;
      if (refusedUntil.size < 100_000) refusedUntil.set(address, end);
      return tooMany(c, end, now.getTime());
    }
    return next();
  };
}
