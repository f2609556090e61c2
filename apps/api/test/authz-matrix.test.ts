// app first: @hono/zod-openapi must extend zod before shared schemas are built
import { createApp } from '../src/app.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb } from '@attentive/db/testing';
import { loadEnv } from '../src/env.ts';
import { TEST_CONTACT_KEY } from './support/callback-items.ts';
import { EXPECTATIONS } from './authz/expectations.ts';
import { CALLERS, buildWorld, type Target, type World } from './authz/world.ts';
import { isIdQueryParam, otherSpellings, pathParams, send, strongestCaller, withSegment } from './authz/id-spellings.ts';

let t: Awaited<ReturnType<typeof createTestDb>>;
let app: ReturnType<typeof createApp>;
let world: World;
let operations: string[] = [];
const queryParams: Record<string, string[]> = {};

beforeAll(async () => {
  t = await createTestDb();
  // The contact key: the survey caller's script opens the customer's phone number (412 without it).
  app = createApp({ db: t.db, env: loadEnv({ NODE_ENV: 'test', CONTACT_DATA_KEY: TEST_CONTACT_KEY }) });
  world = await buildWorld(app, t.db);
  const doc = (await (await app.request('/api/openapi.json')).json()) as {
    paths: Record<string, Record<string, { parameters?: { in: string; name: string }[] }>>;
  };
  operations = Object.entries(doc.paths).flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`));
  for (const [path, ops] of Object.entries(doc.paths))
    for (const [m, op] of Object.entries(ops))
      queryParams[`${m.toUpperCase()} ${path}`] = (op.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name);
}, 60_000);
afterAll(() => t.cleanup());

describe('authorization matrix', () => {
  it('has an entry for every operation of the OpenAPI document, and no stale ones', () => {
    const missing = operations.filter((op) => !EXPECTATIONS[op]);
    const stale = Object.keys(EXPECTATIONS).filter((op) => !operations.includes(op));
    expect(missing, `operations without an entry in apps/api/test/authz/expectations.ts:\n${missing.join('\n')}`).toEqual([]);
    expect(stale, 'entries for operations that no longer exist').toEqual([]);
  });

  it('answers every operation × caller × own/foreign cell as expected, with no leaks', async () => {
    const failures: string[] = [];
    let cells = 0;
    let leaks = 0;
    for (const op of operations) {
      const e = EXPECTATIONS[op];
      if (!e) continue;
      const method = op.slice(0, op.indexOf(' '));
      for (const caller of CALLERS) {
        for (const target of ['own', 'foreign'] as Target[]) {
          const want = e.expect[caller];
          const expected = typeof want === 'number' ? want : want[target];
          const req = await e.request(world, target, caller);
          const headers: Record<string, string> = { ...world.headers[caller], ...req.headers };
          // A string body is sent as it is (e.g. CSV, with the entry's own content-type); anything else as JSON.
          if (req.body !== undefined && !req.headers?.['content-type']) headers['content-type'] = 'application/json';
          const res = await app.request(req.path, {
            method,
            headers,
            body: req.body === undefined ? undefined : typeof req.body === 'string' ? req.body : JSON.stringify(req.body)
          });
          cells++;
          const cell = `${op} as ${caller} on ${target} (${req.path})`;
          // Personal data (and errors about it) never stays in a browser's or proxy's cache.
          if (!/no-store/.test(res.headers.get('cache-control') ?? ''))
            failures.push(`${cell}: Cache-Control is ${res.headers.get('cache-control')}, not no-store`);
          if (res.status !== expected) {
            if (res.status < 300 && expected >= 400) leaks++;
            failures.push(`${cell}: expected ${expected}, got ${res.status} ${(await res.text()).slice(0, 200)}`);
            continue;
          }
          if (res.status >= 400) {
            const body = (await res.json()) as { error?: { code?: string; requestId?: string } };
            if (!body.error?.code || !body.error.requestId) failures.push(`${cell}: error without the standard envelope`);
          } else if (e.check && res.headers.get('content-type')?.includes('json')) {
            try {
              e.check(await res.json(), world, target, caller);
            } catch (err) {
              leaks++;
              failures.push(`${cell}: ${(err as Error).message}`);
            }
          }
        }
      }
    }
    console.log(`authorization matrix: ${operations.length} operations, ${cells} cells, ${failures.length} wrong, ${leaks} leak(s)`);
    expect(failures, `${failures.length} of ${cells} cells wrong, ${leaks} leak(s)`).toEqual([]);
    expect(leaks).toBe(0);
    expect(cells).toBeGreaterThan(0);
  }, 300_000);

  it('answers every other spelling of an own id in a path (0x10, +5, 05, 1e1, %201, …) with 400 or 404, never the record', async () => {
    const failures: string[] = [];
    let cells = 0;
    for (const op of operations.filter((o) => o.includes('{'))) {
      const e = EXPECTATIONS[op];
      if (!e) continue;
      const method = op.slice(0, op.indexOf(' '));
      const caller = strongestCaller(e);
      const req = await e.request(world, 'own', caller);
      for (const [index, name, value] of pathParams(op.slice(op.indexOf(' ') + 1), req.path)) {
        if (!/^[1-9][0-9]*$/.test(value)) continue; // not a numeric id (e.g. an import's uuid)
        for (const spelling of otherSpellings(Number(value))) {
          const path = withSegment(req.path, index, spelling);
          const res = await send(world, method, caller, path, req);
          cells++;
          if (res.status !== 400 && res.status !== 404)
            failures.push(`${op} as ${caller}, {${name}} = ${spelling} (${path}): ${res.status} ${res.body}`);
        }
      }
    }
    expect(cells).toBeGreaterThan(500);
    expect(failures, `${failures.length} of ${cells} spellings reached a record`).toEqual([]);
  }, 300_000);

  it('refuses other spellings of an id in the query string (?agent=0x10) with 400', async () => {
    const failures: string[] = [];
    let cells = 0;
    for (const op of operations) {
      const e = EXPECTATIONS[op];
      const names = (queryParams[op] ?? []).filter(isIdQueryParam);
      if (!e || names.length === 0) continue;
      const method = op.slice(0, op.indexOf(' '));
      const caller = strongestCaller(e);
      const req = await e.request(world, 'own', caller);
      for (const name of names) {
        for (const spelling of otherSpellings(1)) {
          const url = new URL(req.path, 'http://x');
          url.searchParams.delete(name);
          const path = `${url.pathname}${url.search ? `${url.search}&` : '?'}${name}=${spelling}`;
          const res = await send(world, method, caller, path, req);
          cells++;
          if (res.status !== 400) failures.push(`${op} as ${caller}, ?${name}=${spelling}: ${res.status} ${res.body}`);
        }
      }
    }
    expect(cells).toBeGreaterThan(100);
    expect(failures, `${failures.length} of ${cells} spellings accepted`).toEqual([]);
  }, 300_000);

  it('answers a foreign id exactly like a missing one (same status, same body apart from the request id)', async () => {
    const h = world.headers.admin;
    const foreign = await app.request(`/api/admin/people/${world.b.agents.a1.id}`, { headers: h });
    const missing = await app.request('/api/admin/people/987654321', { headers: h });
    expect(foreign.status).toBe(404);
    expect(missing.status).toBe(404);
    const strip = (b: { error: { message: string; code: string } }, id: number) => ({
      code: b.error.code,
      message: b.error.message.replace(String(id), '<id>')
    });
    expect(strip(await foreign.json(), world.b.agents.a1.id)).toEqual(strip(await missing.json(), 987654321));
  });
});
