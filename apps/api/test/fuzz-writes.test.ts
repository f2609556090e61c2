// app first: @hono/zod-openapi must extend zod before shared schemas are built
import { createApp } from '../src/app.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createTestDb } from '@attentive/db/testing';
import { loadEnv } from '../src/env.ts';
import { EXPECTATIONS } from './authz/expectations.ts';
import { CALLERS, buildWorld, type Caller, type World } from './authz/world.ts';
import { RawBody, mutateBody, mutateCsv, mutatePath, mutateQuery, rawJunkBody, serialize, type Mutation } from './fuzz/mutations.ts';

/**
 * Fuzzes every write operation of the OpenAPI document (so new ones are covered without editing this
 * file): for each, the authorization matrix's valid request is mutated (fields replaced by hostile
 * values, removed, added; ids and query spelled wrongly; bodies replaced by junk, bad encodings and deep
 * nesting; wrong callers). Asserts: no answer is a 5xx, and a 4xx stores nothing (no row inserted,
 * updated or deleted, no audit row), except the record a refused import leaves of itself.
 * Reproduce a failure with FUZZ_SEED=<seed printed>; FUZZ_RUNS sets the requests per operation (60; 15 on sqld).
 */
const SEED = Number(process.env.FUZZ_SEED ?? 20261202);
// On a libSQL server every request and its two snapshots are round trips (about 6× the time of a file): there
// each operation gets a quarter of the requests, enough to cross the server's transaction and error paths; the
// file database takes the full fuzz of the same operations.
const RUNS = Number(process.env.FUZZ_RUNS ?? (process.env.ATTENTIVE_TEST_DB === 'sqld' ? 15 : 60));
const WRITES = new Set(['post', 'put', 'patch', 'delete']);

let t: Awaited<ReturnType<typeof createTestDb>>;
let app: ReturnType<typeof createApp>;
let world: World;
type Operation = { method: string; path: string; query: string[] };
let operations: Operation[] = [];
let reads: Operation[] = [];
let tables: string[] = [];

beforeAll(async () => {
  t = await createTestDb();
  app = createApp({ db: t.db, env: loadEnv({ NODE_ENV: 'test' }) });
  world = await buildWorld(app, t.db);
  const doc = (await (await app.request('/api/openapi.json')).json()) as {
    paths: Record<string, Record<string, { parameters?: { in: string; name: string }[] }>>;
  };
  const all = Object.entries(doc.paths).flatMap(([path, ops]) =>
    Object.entries(ops).map(([m, op]) => ({
      method: m.toUpperCase(),
      path,
      query: (op.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name)
    }))
  );
  operations = all.filter((o) => WRITES.has(o.method.toLowerCase()));
  reads = all.filter((o) => o.method === 'GET');
  const rows = await t.db.$client.execute(
    "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '__drizzle%'"
  );
  // rate_limits and request_windows: request counters (better-auth's, the public routes'), which count refused
  // requests too; sessions: refreshed on use. None is a stored fact of a write.
  tables = rows.rows
    .map((r) => String(r[0]))
    .filter((n) => !['rate_limits', 'request_windows', 'session', 'sessions', 'audit_log'].includes(n));
  // Row counts miss an UPDATE: triggers count every written row (this test database only). Tables that
  // reads update (a token's last use) and the record of a refused import are left out.
  await t.db.$client.execute('CREATE TABLE fuzz_writes (n INTEGER NOT NULL)');
  await t.db.$client.execute('INSERT INTO fuzz_writes VALUES (0)');
  for (const n of tables.filter((n) => !['api_tokens', 'imports'].includes(n))) {
    for (const op of ['INSERT', 'UPDATE', 'DELETE']) {
      await t.db.$client.execute(`CREATE TRIGGER "fuzz_${op}_${n}" AFTER ${op} ON "${n}" BEGIN UPDATE fuzz_writes SET n = n + 1; END`);
    }
  }
}, 120_000);
afterAll(() => t.cleanup());

type Snapshot = { counts: Record<string, number>; auditId: number; writes: number };

async function snapshot(): Promise<Snapshot> {
  const sql = `SELECT ${tables.map((n) => `(SELECT count(*) FROM "${n}")`).join(', ')}, (SELECT coalesce(max(id), 0) FROM audit_log), (SELECT n FROM fuzz_writes)`;
  const row = (await t.db.$client.execute(sql)).rows[0]!;
  return {
    counts: Object.fromEntries(tables.map((n, i) => [n, Number(row[i])])),
    auditId: Number(row[tables.length]),
    writes: Number(row[tables.length + 1])
  };
}

/** What a 4xx changed, apart from the record of a refused import (an imports row and its audit row). */
async function storedOn4xx(before: Snapshot, after: Snapshot): Promise<string[]> {
  const audits = (await t.db.$client.execute({ sql: 'SELECT action, after FROM audit_log WHERE id > ?', args: [before.auditId] })).rows;
  const refusedImports = audits.filter((a) => a.action === 'calls.import' && /"status":"(rejected|failed)"/.test(String(a.after))).length;
  const changes = audits
    .filter((a) => !(a.action === 'calls.import' && /"status":"(rejected|failed)"/.test(String(a.after))))
    .map((a) => `audit row ${String(a.action)}`);
  for (const n of tables) {
    const d = after.counts[n]! - before.counts[n]!;
    if (n === 'imports' && d === refusedImports) continue;
    if (d !== 0) changes.push(`${n} ${d > 0 ? '+' : ''}${d}`);
  }
  if (after.writes !== before.writes) changes.push(`${after.writes - before.writes} row(s) inserted, updated or deleted`);
  return changes;
}

/** A caller the matrix expects to succeed on an own resource, so mutations reach validation and the verb. */
function allowedCaller(op: string): Caller {
  const e = EXPECTATIONS[op]!.expect;
  const ok = CALLERS.find((c) => {
    const s = e[c];
    return (typeof s === 'number' ? s : s.own) < 300;
  });
  return ok ?? 'admin';
}

type Case = { caller: Caller; path: Mutation<string>; query: Mutation<string>; body: Mutation<unknown> };

function arbitraryCase(seedCaller: Caller, hasBody: boolean, csv: boolean, query: string[]): fc.Arbitrary<Case> {
  return fc.record({
    caller: fc.oneof({ weight: 8, arbitrary: fc.constant(seedCaller) }, { weight: 1, arbitrary: fc.constantFrom(...CALLERS) }),
    path: mutatePath,
    query: mutateQuery(query),
    body: hasBody
      ? csv
        ? mutateCsv
        : fc.oneof({ weight: 6, arbitrary: mutateBody }, { weight: 1, arbitrary: rawJunkBody })
      : fc.oneof({ weight: 4, arbitrary: fc.constant((b: unknown) => b) }, { weight: 1, arbitrary: rawJunkBody })
  });
}

describe('fuzzing every operation', () => {
  it('answers no 5xx and stores nothing on a 4xx', async () => {
    const failures: string[] = [];
    let requests = 0;
    const byStatus: Record<number, number> = {};
    // Every seed first: a fuzzed request that succeeds may change what a later seed builds on.
    const seeds = [];
    for (const { method, path, query } of operations) {
      const op = `${method} ${path}`;
      const e = EXPECTATIONS[op];
      if (!e) {
        failures.push(`${op}: no request in test/authz to start from (add it to the authorization matrix)`);
        continue;
      }
      const caller = allowedCaller(op);
      seeds.push({ op, method, caller, query, seed: await e.request(world, 'own', caller) });
    }
    let before = await snapshot();
    for (const { op, method, caller, query, seed } of seeds) {
      const csv = typeof seed.body === 'string';
      const [seedPath, seedQuery = ''] = seed.path.split('?') as [string, string?];
      const cases = fc.sample(arbitraryCase(caller, seed.body !== undefined, csv, query), { seed: SEED + requests, numRuns: RUNS });
      for (const c of cases) {
        const body = c.body(seed.body);
        const url = `${c.path(seedPath)}${(() => {
          const q = c.query(seedQuery);
          return q ? `?${q}` : '';
        })()}`;
        const headers: Record<string, string> = { ...world.headers[c.caller] };
        let payload: string | Uint8Array | undefined;
        if (body instanceof RawBody) {
          payload = body.bytes;
          if (body.contentType) headers['content-type'] = body.contentType;
        } else if (body !== undefined) {
          payload = typeof body === 'string' ? body : serialize(body);
          headers['content-type'] = seed.headers?.['content-type'] ?? 'application/json';
        }
        const res = await app.request(url, { method, headers, body: payload as BodyInit | undefined });
        requests++;
        byStatus[res.status] = (byStatus[res.status] ?? 0) + 1;
        const text = await res.text();
        const where = () =>
          `${op} as ${c.caller}: ${method} ${url.slice(0, 200)} body ${describeBody(payload)} → ${res.status} ${text.slice(0, 300)}`;
        if (res.status >= 500) failures.push(where());
        const after = await snapshot();
        if (res.status >= 400 && res.status < 500) {
          const stored = await storedOn4xx(before, after);
          if (stored.length) failures.push(`${where()}\n  stored on a ${res.status}: ${stored.join(', ')}`);
        }
        before = after;
      }
    }
    console.log(
      `fuzz: ${operations.length} write operations, ${requests} requests (seed ${SEED}), statuses ${JSON.stringify(byStatus)}, ${before.writes} rows written (seeds and 2xx answers)`
    );
    expect(before.writes, 'the write-counting triggers fire').toBeGreaterThan(0);
    expect(failures.slice(0, 20), `${failures.length} failures (FUZZ_SEED=${SEED})`).toEqual([]);
    expect(operations.length).toBeGreaterThan(30);
  }, 180_000);

  it('reads: hostile query strings and ids answer no 5xx', async () => {
    const failures: string[] = [];
    let requests = 0;
    for (const { method, path, query } of reads) {
      const op = `${method} ${path}`;
      const e = EXPECTATIONS[op];
      if (!e) continue; // the authorization matrix names the missing entry
      const caller = allowedCaller(op);
      const seed = await e.request(world, 'own', caller);
      const [seedPath, seedQuery = ''] = seed.path.split('?') as [string, string?];
      const cases = fc.sample(fc.record({ path: mutatePath, query: mutateQuery(query, 1) }), {
        seed: SEED + requests,
        numRuns: Math.ceil(RUNS / 2)
      });
      for (const c of cases) {
        const q = c.query(seedQuery);
        const url = `${c.path(seedPath)}${q ? `?${q}` : ''}`;
        const res = await app.request(url, { headers: world.headers[caller] });
        requests++;
        if (res.status >= 500)
          failures.push(`${op} as ${caller}: GET ${url.slice(0, 300)} → ${res.status} ${(await res.text()).slice(0, 300)}`);
        else await res.arrayBuffer();
      }
    }
    console.log(`fuzz: ${reads.length} read operations, ${requests} requests (seed ${SEED})`);
    expect(failures.slice(0, 20), `${failures.length} failures (FUZZ_SEED=${SEED})`).toEqual([]);
  }, 120_000);
});

function describeBody(p: string | Uint8Array | undefined) {
  if (p === undefined) return '(none)';
  const s = typeof p === 'string' ? p : `bytes ${Buffer.from(p.slice(0, 120)).toString('hex')}`;
  return JSON.stringify(s.length > 240 ? `${s.slice(0, 240)}… (${s.length})` : s);
}
