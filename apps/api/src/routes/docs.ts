import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Scalar } from '@scalar/hono-api-reference';
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../context.ts';
import { API_VERSION, newRouter } from '../router.ts';

const require = createRequire(import.meta.url);
let bundle: string | undefined;
/** The reference UI's script, served from our own origin so /api/docs works offline. */
function scalarBundle() {
  bundle ??= readFileSync(require.resolve('@scalar/api-reference/browser/standalone.js'), 'utf8');
  return bundle;
}

export function docsRoutes(api: OpenAPIHono<AppEnv, any, any>) {
  const r = newRouter();
  r.get('/openapi.json', (c) =>
    c.json(
      api.getOpenAPI31Document({
        openapi: '3.1.0',
        info: {
          title: 'Attentive API',
          version: API_VERSION,
          description: 'Quality assurance for contact centers. Errors always come as { error: { code, message, details?, requestId } }.'
        }
      })
    )
  );
  r.get('/docs/scalar.js', (c) => {
    c.header('Content-Type', 'application/javascript; charset=utf-8');
    c.header('Cache-Control', 'public, max-age=86400');
    return c.body(scalarBundle());
  });
  r.get('/docs', Scalar({ url: '/api/openapi.json', cdn: '/api/docs/scalar.js', pageTitle: 'Attentive API' }));
  return r;
}
