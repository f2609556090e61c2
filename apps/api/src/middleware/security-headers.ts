import type { MiddlewareHandler } from 'hono';
import { secureHeaders } from 'hono/secure-headers';
import type { AppDeps, AppEnv } from '../context.ts';

/**
 * Browser features nobody needs here are off; the call player plays audio of our own origin
 * (autoplay, fullscreen, picture-in-picture and encrypted media limited to self). Shared with the web app's pages.
 */
export const PERMISSIONS_POLICY = [
  'accelerometer=()',
  'ambient-light-sensor=()',
  'autoplay=(self)',
  'bluetooth=()',
  'camera=()',
  'display-capture=()',
  'encrypted-media=(self)',
  'fullscreen=(self)',
  'geolocation=()',
  'gyroscope=()',
  'hid=()',
  'idle-detection=()',
  'magnetometer=()',
  'microphone=()',
  'midi=()',
  'payment=()',
  'picture-in-picture=(self)',
  'publickey-credentials-get=()',
  'screen-wake-lock=()',
  'serial=()',
  'usb=()',
  'xr-spatial-tracking=()'
].join(', ');

export const HSTS = 'max-age=31536000; includeSubDomains';

/**
 * HSTS only where the site is served over https: the request itself, or the public ORIGIN when a proxy
 * terminates TLS. Sent over plain http it is meaningless at best and pins a host name to https at worst.
 */
export const servesHttps = (requestUrl: string, origin: string | undefined) =>
  new URL(requestUrl).protocol === 'https:' || (origin !== undefined && new URL(origin).protocol === 'https:');

/**
 * Security headers of every API answer. Personal data must not stay in a browser's or proxy's cache:
 * any answer that did not choose its own Cache-Control (public docs do) gets `no-store`.
 */
export function securityHeaders(deps: AppDeps): MiddlewareHandler<AppEnv> {
  const base = secureHeaders({
    referrerPolicy: 'strict-origin-when-cross-origin',
    xFrameOptions: 'DENY',
    strictTransportSecurity: false
  });
  return async (c, next) => {
    await base(c, next);
    const set = (name: string, value: string) => {
      try {
        c.res.headers.set(name, value);
      } catch {
        // immutable headers (a proxied response): nothing to add
      }
    };
    if (!c.res.headers.has('cache-control')) set('cache-control', 'no-store');
    // A survey link's address holds its token: never sent on as a Referer to anyone.
    if (c.req.path.startsWith('/api/public/')) set('referrer-policy', 'no-referrer');
    set('permissions-policy', PERMISSIONS_POLICY);
    if (servesHttps(c.req.url, deps.env.ORIGIN)) set('strict-transport-security', HSTS);
  };
}
