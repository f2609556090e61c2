// app first: @hono/zod-openapi must extend zod before shared schemas are built
import { createApp } from '../src/app.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb } from '@attentive/db/testing';
import { createFixtureOrg, type FixtureOrg } from '@attentive/db/fixtures';
import { loadEnv } from '../src/env.ts';
import { signInAs } from './support/auth.ts';

let t: Awaited<ReturnType<typeof createTestDb>>;
let app: ReturnType<typeof createApp>;
let org: FixtureOrg;
let headers: Record<string, string>;
beforeAll(async () => {
  t = await createTestDb();
  app = createApp({ db: t.db, env: loadEnv({ NODE_ENV: 'test' }) });
  org = await createFixtureOrg(t.db);
  headers = (await signInAs(app, t.db, { tenantId: org.tenantId, grants: [{ role: 'admin' }] })).headers;
});
afterAll(() => t.cleanup());

describe('security headers of API answers', () => {
  it('keeps personal answers out of every cache (Cache-Control: no-store), errors included', async () => {
    for (const path of [
      '/api/me',
      '/api/admin/people',
      `/api/calls/${org.calls[0]!.id}`,
      '/api/calls?limit=5',
      '/api/admin/people/987654321',
      '/api/no-such-route'
    ]) {
      const res = await app.request(path, { headers });
      expect(res.headers.get('cache-control'), path).toBe('no-store');
    }
  });

  it('lets the public API reference bundle choose its own caching', async () => {
    const res = await app.request('/api/docs/scalar.js');
    expect(res.headers.get('cache-control')).toMatch(/public/);
  });

  it('sends a restrictive Permissions-Policy that still lets our own player play audio', async () => {
    const policy = (await app.request('/api/me', { headers })).headers.get('permissions-policy') ?? '';
    for (const off of ['camera=()', 'microphone=()', 'geolocation=()', 'payment=()', 'usb=()']) expect(policy).toContain(off);
    expect(policy).toContain('autoplay=(self)');
  });

  it('sends HSTS only over https (the request or the public ORIGIN), never over plain http', async () => {
    expect((await app.request('http://localhost/api/health')).headers.get('strict-transport-security')).toBeNull();
    expect((await app.request('https://qa.example.com/api/health')).headers.get('strict-transport-security')).toMatch(/max-age=\d{7,}/);
    const behindProxy = createApp({ db: t.db, env: loadEnv({ NODE_ENV: 'test', ORIGIN: 'https://qa.example.com' }) });
    expect((await behindProxy.request('http://10.0.0.5/api/health')).headers.get('strict-transport-security')).toMatch(/max-age=/);
  });
});
