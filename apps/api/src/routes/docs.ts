import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Scalar } from '@scalar/hono-api-reference';
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { Schema } from 'hono';
import type { AppEnv } from '../context.ts';
import { API_VERSION, newRouter } from '../router.ts';
import { SECURITY_SCHEMES } from '../openapi.ts';

const require = createRequire(import.meta.url);
let bundle: string | undefined;
/** The reference UI's script, served from our own origin so /api/docs works offline. */
function scalarBundle() {
  bundle ??= readFileSync(require.resolve('@scalar/api-reference/browser/standalone.js'), 'utf8');
  return bundle;
}

export function docsRoutes<S extends Schema, B extends string>(api: OpenAPIHono<AppEnv, S, B>) {
  const r = newRouter();
  for (const [name, scheme] of Object.entries(SECURITY_SCHEMES)) api.openAPIRegistry.registerComponent('securitySchemes', name, scheme);
  r.get('/openapi.json', (c) =>
    c.json(
      api.getOpenAPI31Document({
        openapi: '3.1.0',
        info: {
          title: 'Attentive API',
          version: API_VERSION,
          description:
            'Quality assurance for contact centers. Errors always come as { error: { code, message, details?, requestId } } with a stable `code` (see the Error schema).'
        },
        servers: [{ url: '/', description: 'This server (paths start with /api)' }]
      })
    )
  );
  r.get('/docs/scalar.js', (c) => {
    c.header('Content-Type', 'application/javascript; charset=utf-8');
    c.header('Cache-Control', 'public, max-age=86400');
    return c.body(scalarBundle());
  });
  // withDefaultFonts: false — no requests to Scalar's font CDN (privacy, offline); system fonts instead.
  const reference = Scalar({ url: '/api/openapi.json', cdn: '/api/docs/scalar.js', pageTitle: 'Attentive API', withDefaultFonts: false });
  r.get('/docs', async (c, next) => {
    const res = (await reference(c as never, next)) as Response;
    const html = await res.text();
    c.header('Content-Security-Policy', docsPolicy(html));
    return c.html(html);
  });
  return r;
}

/**
 * The reference page's CSP: its one inline script (Scalar's start-up call) allowed by hash, everything
 * else from our own origin. Scalar's themes need inline styles; it renders fonts and images from data: URLs.
 */
function docsPolicy(html: string): string {
  const hashes = [...html.matchAll(/<script(?![^>]*\ssrc=)[^>]*>([\s\S]*?)<\/script>/g)].map(
    (m) => `'sha256-${createHash('sha256').update(m[1]!).digest('base64')}'`
  );
  return [
    "default-src 'self'",
    `script-src 'self' ${hashes.join(' ')}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "worker-src 'self' blob:",
    "frame-ancestors 'none'",
    "object-src 'none'",
    "base-uri 'self'"
  ].join('; ');
}
