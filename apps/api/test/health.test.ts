import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb } from '@attentive/db/testing';
import { createApp } from '../src/app.ts';
import { loadEnv } from '../src/env.ts';

let t: Awaited<ReturnType<typeof createTestDb>>;
let app: ReturnType<typeof createApp>;
beforeAll(async () => {
  t = await createTestDb();
  app = createApp({ db: t.db, env: loadEnv({ NODE_ENV: 'test' }) });
});
afterAll(() => t.cleanup());

describe('system routes', () => {
  it('reports health with db status and version', async () => {
    const res = await app.request('/api/health');
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: 'ok', db: 'ok', version: expect.any(String) });
  });
  it('serves an OpenAPI 3.1 document listing the routes', async () => {
    const doc = await (await app.request('/api/openapi.json')).json();
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toContain('/api/health');
  });
  it('serves the reference UI with a local script, under a CSP that allows exactly its inline start-up script', async () => {
    const res = await app.request('/api/docs');
    const html = await res.text();
    expect(html).toContain('/api/docs/scalar.js');
    const csp = res.headers.get('content-security-policy')!;
    const inline = [...html.matchAll(/<script(?![^>]*\ssrc=)[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]!);
    expect(inline).toHaveLength(1);
    const { createHash } = await import('node:crypto');
    expect(csp).toContain(`script-src 'self' 'sha256-${createHash('sha256').update(inline[0]!).digest('base64')}'`);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toMatch(/unsafe-eval|script-src[^;]*unsafe-inline/);
    const js = await app.request('/api/docs/scalar.js');
    expect(js.status).toBe(200);
  });
  it('answers unknown routes with the error envelope', async () => {
    const res = await app.request('/api/nope');
    expect(res.status).toBe(404);
    expect((await res.json()).error).toMatchObject({ code: 'NOT_FOUND', requestId: expect.any(String) });
  });
});

describe('environment', () => {
  it('names the bad variable', () => {
    expect(() => loadEnv({ PORT: 'abc' })).toThrow(/PORT/);
    expect(() => loadEnv({ DATABASE_URL: 'postgres://x' })).toThrow(/DATABASE_URL/);
  });
  it('accepts file and server URLs', () => {
    expect(loadEnv({ DATABASE_URL: 'libsql://db.example.com' }).DATABASE_URL).toBe('libsql://db.example.com');
    expect(loadEnv({}).DATABASE_URL).toBe('file:./data/attentive.db');
  });
});
