/**
 * Scale-out on a libSQL server (issue 16), three parts, each against a baseline measured in this run:
 * 1. http: the calls list's first page and the evaluation aggregate as a QA analyst, 50 concurrent clients over
 *    real HTTP on loopback (http-load.ts), on real API processes (`startAppProcess`, as `pnpm start` runs them):
 *    one process on an embedded file vs one process on sqld vs two processes on one sqld (requests alternate,
 *    like a round-robin proxy). Both databases hold the same demo data (seedDemoIfEmpty, 60,000 calls).
 * 2. import: N CSV rows (default 1,000,000) through POST /api/calls/import on sqld vs raw @libsql/client batched
 *    inserts of the same rows into sqld (call-rows.ts), each on a fresh database of the same sqld build.
 * 3. sampling: one run of a plan over 1,000,000 calls on sqld (as sampling.bench.ts on a file) vs a plain SELECT of
 *    the eligible ids, target < 2 s.
 * No ANALYZE anywhere: sqld refuses it over its protocol, and the product never runs it, so both databases
 * plan their queries without statistics, as in production.
 * Run: pnpm bench scale-out   (BENCH_SCALE_PARTS=http,import,sampling · BENCH_IMPORT_ROWS=200000 · BENCH_LOAD_SECONDS=8)
 */
import { cpus, loadavg, tmpdir } from 'node:os';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createDb, isEmbedded, migrate, type Db } from '@attentive/db';
import { startSqld, type Sqld } from '@attentive/db/sqld';
import { seedDemoIfEmpty, startOfUtcDay } from '@attentive/db/demo/seed';
import { createFixtureOrg } from '@attentive/db/fixtures';
import { createSamplingPlan, publishSamplingPlan, runSamplingPlan, systemPrincipal } from '@attentive/core';
import { createApp, loadEnv } from '@attentive/api';
import { signInAs } from '../../apps/api/test/support/auth.ts';
import { requestable, startAppProcess, type AppProcess } from '../../apps/api/test/support/app-process.ts';
import { httpLoad } from './http-load.ts';
import { fileBody, fingerprint, rawInsert, writeCsv } from './call-rows.ts';

const PARTS = (process.env.BENCH_SCALE_PARTS ?? 'http,import,sampling').split(',');
const LOAD_MS = Number(process.env.BENCH_LOAD_SECONDS ?? 8) * 1000;
const IMPORT_ROWS = Number(process.env.BENCH_IMPORT_ROWS ?? 1_000_000);
const CONNECTIONS = 50;
const gc = (globalThis as { gc?: () => void }).gc ?? (() => {});
const wsUrl = (s: Sqld) => s.url.replace('http:', 'ws:');
const machine = () => `load average ${loadavg()[0]!.toFixed(1)} on ${cpus().length} cores`;
const results: Record<string, unknown> = {};

/**
 * Where a request's time goes: statements per request and their time (every execute/batch of the database client
 * timed), through app.request on an in-process app, one request at a time. Over a network protocol every
 * statement is a round trip, so their number is what differs most between a file and a server.
 */
async function statementsPerRequest(db: Db, tenantId: number, paths: string[]) {
  const app = createApp({ db, env: loadEnv({ NODE_ENV: 'test', LOG_LEVEL: 'silent', ORIGIN: 'http://localhost' }) });
  const who = await signInAs(app, db, { tenantId, grants: [{ role: 'qa_analyst' }] });
  const client = db.$client;
  const timed = { n: 0, ms: 0 };
  const originals = { execute: client.execute, batch: client.batch };
  const time =
    <A extends unknown[], R>(f: (...a: A) => Promise<R>) =>
    async (...a: A) => {
      const t = performance.now();
      try {
        return await f(...a);
      } finally {
        timed.n++;
        timed.ms += performance.now() - t;
      }
    };
  client.execute = time(originals.execute.bind(client)) as typeof client.execute;
  client.batch = time(originals.batch.bind(client)) as typeof client.batch;
  try {
    for (const path of paths) {
      const once = async () => {
        const res = await app.request(path, { headers: who.headers });
        if (res.status !== 200) throw new Error(`${path}: ${res.status}`);
        await res.arrayBuffer();
      };
      for (let i = 0; i < 10; i++) await once();
      const N = 40;
      timed.n = 0;
      timed.ms = 0;
      const t = performance.now();
      for (let i = 0; i < N; i++) await once();
      const ms = (performance.now() - t) / N;
      console.log(
        `  ${(isEmbedded(db) ? 'file' : 'sqld').padEnd(5)} ${path.padEnd(42)} ${ms.toFixed(1).padStart(5)} ms a request, ${(timed.n / N).toFixed(1)} statements taking ${(timed.ms / N).toFixed(1)} ms`
      );
    }
  } finally {
    Object.assign(client, originals);
  }
}

/** 1. Requests/s and p95 of two screens' reads, one process on a file vs one and two processes on sqld. */
async function httpPart() {
  const ROUTES = [
    { label: 'calls list, first page', path: '/api/calls?limit=50' },
    { label: 'evaluation aggregate', path: '/api/evaluations/aggregates?groupBy=team' }
  ];
  const now = startOfUtcDay();
  const seeded = async (url: string) => {
    const db = await createDb({ url });
    await migrate(db);
    const t = performance.now();
    await seedDemoIfEmpty(db, { calls: 60_000, transcripts: 20, now });
    const tenantId = Number((await db.$client.execute("SELECT id FROM tenants WHERE slug = 'demo'")).rows[0]!.id);
    console.log(`  demo data seeded into ${url.split(':')[0]} in ${((performance.now() - t) / 1000).toFixed(1)} s`);
    return { db, tenantId };
  };
  const dir = mkdtempSync(join(tmpdir(), 'attentive-bench-scale-'));
  const fileUrl = `file:${join(dir, 'bench.db')}`;
  const file = await seeded(fileUrl);
  const sqld = await startSqld();
  const server = await seeded(wsUrl(sqld));

  const setups: { label: string; db: { db: Db; tenantId: number }; urls: string[] }[] = [
    { label: 'one process on a file', db: file, urls: [fileUrl] },
    { label: 'one process on sqld', db: server, urls: [wsUrl(sqld)] },
    { label: 'two processes on sqld', db: server, urls: [wsUrl(sqld), wsUrl(sqld)] }
  ];
  const rows: { setup: string; route: string; perSecond: number; p95: number; median: number }[] = [];
  try {
    console.log('  where the time goes (in-process, one request at a time):');
    for (const d of [file, server]) await statementsPerRequest(d.db, d.tenantId, [...ROUTES.map((r) => r.path), '/api/me']);
    console.log(`  ${CONNECTIONS} concurrent clients over HTTP, ${LOAD_MS / 1000} s each after 2 s warm-up:`);
    for (const s of setups) {
      const processes: AppProcess[] = [];
      try {
        for (const url of s.urls) processes.push(await startAppProcess(url, { LOG_LEVEL: 'silent' }));
        // Signed in through the first process; the session lives in the database, so it works on every process.
        const who = await signInAs(requestable(processes[0]!), s.db.db, { tenantId: s.db.tenantId, grants: [{ role: 'qa_analyst' }] });
        for (const r of ROUTES) {
          gc();
          const m = await httpLoad({
            bases: processes.map((p) => p.url),
            path: r.path,
            headers: who.headers,
            connections: CONNECTIONS,
            durationMs: LOAD_MS,
            warmupMs: 2000
          });
          rows.push({ setup: s.label, route: r.label, perSecond: m.perSecond, p95: m.p95, median: m.median });
          console.log(
            `  ${s.label.padEnd(24)} ${r.label.padEnd(24)} ${m.perSecond.toFixed(0).padStart(6)} req/s  median ${m.median.toFixed(1).padStart(6)} ms  p95 ${m.p95.toFixed(1).padStart(6)} ms  (${m.requests} requests, ${machine()})`
          );
        }
      } finally {
        for (const p of processes) await p.stop();
      }
    }
  } finally {
    file.db.$client.close();
    server.db.$client.close();
    await sqld.stop();
    rmSync(dir, { recursive: true, force: true });
  }
  console.log(`\n  ratios against one process on a file (same run):`);
  for (const r of ROUTES) {
    const base = rows.find((x) => x.route === r.label && x.setup === setups[0]!.label)!;
    for (const x of rows.filter((y) => y.route === r.label && y !== base))
      console.log(
        `  ${r.label.padEnd(24)} ${x.setup.padEnd(24)} ${(x.perSecond / base.perSecond).toFixed(2)}× req/s, p95 ${(x.p95 / base.p95).toFixed(2)}×`
      );
  }
  results.http = rows.map((r) => ({
    ...r,
    perSecond: Math.round(r.perSecond),
    p95: Number(r.p95.toFixed(1)),
    median: Number(r.median.toFixed(1))
  }));
}

/** 2. The product's import into sqld vs a raw batched insert of the same rows into sqld (each on a fresh database). */
async function importPart() {
  const N = IMPORT_ROWS;
  const dir = mkdtempSync(join(tmpdir(), 'attentive-bench-scale-import-'));
  try {
    const csvPath = join(dir, 'calls.csv');
    await writeCsv(csvPath, N);
    console.log(`  ${N.toLocaleString('en')} rows, ${(statSync(csvPath).size / 1e6).toFixed(0)} MB CSV`);

    const fresh = async () => {
      const sqld = await startSqld();
      const db = await createDb({ url: wsUrl(sqld) });
      await migrate(db);
      return { sqld, db, org: await createFixtureOrg(db, { callsPerAgent: 0 }) };
    };

    let s = await fresh();
    const app = createApp({ db: s.db, env: loadEnv({ NODE_ENV: 'test', LOG_LEVEL: 'silent', ORIGIN: 'http://localhost' }) });
    const { headers } = await signInAs(app, s.db, { tenantId: s.org.tenantId, grants: [{ role: 'admin' }] });
    gc();
    const t = performance.now();
    const res = await app.request('/api/calls/import?mode=skip-invalid&source=bench', {
      method: 'POST',
      headers: { ...headers, 'content-type': 'text/csv' },
      body: fileBody(csvPath),
      duplex: 'half'
    } as RequestInit);
    const body = (await res.json()) as { inserted?: number };
    const productMs = performance.now() - t;
    if (res.status !== 200 || body.inserted !== N) throw new Error(`import answered ${res.status}: ${JSON.stringify(body).slice(0, 500)}`);
    const productPrint = await fingerprint(s.db.$client, s.org.tenantId);
    s.db.$client.close();
    await s.sqld.stop();

    // Two raw baselines, each on a fresh database: the multi-row VALUES of import.bench.ts, and the fastest raw
    // way found (the batch as one JSON parameter, as the product itself sends it). The target is against the faster.
    const baselines: { label: string; ms: number }[] = [];
    for (const packing of ['placeholders', 'json'] as const) {
      s = await fresh();
      gc();
      const raw = await rawInsert(s.org, s.db.$client, N, packing);
      const rawPrint = await fingerprint(s.db.$client, s.org.tenantId);
      s.db.$client.close();
      await s.sqld.stop();
      if (rawPrint !== productPrint)
        throw new Error(`the product stored other rows than the raw insert:\n raw  ${rawPrint}\n prod ${productPrint}`);
      baselines.push({
        label: packing === 'json' ? 'raw insert, rows as one JSON parameter' : 'raw insert, multi-row VALUES',
        ms: raw.wallMs
      });
    }
    const rate = (ms: number) => N / (ms / 1000);
    console.log(
      `  product import (POST /api/calls/import, streamed)  ${(productMs / 1000).toFixed(2)} s  ${Math.round(rate(productMs)).toLocaleString('en')} rows/s`
    );
    for (const b of baselines)
      console.log(
        `  ${b.label.padEnd(50)} ${(b.ms / 1000).toFixed(2)} s  ${Math.round(rate(b.ms)).toLocaleString('en')} rows/s (database calls only) → product ${(b.ms / productMs).toFixed(2)}×`
      );
    const best = Math.min(...baselines.map((b) => b.ms));
    const ratio = best / productMs;
    console.log(`  ratio product / fastest raw ${ratio.toFixed(2)}× (target ≥ 0.5×) ${ratio >= 0.5 ? 'met' : 'MISSED'} (${machine()})`);
    results.import = {
      rows: N,
      productMs: Math.round(productMs),
      rawPlaceholdersMs: Math.round(baselines[0]!.ms),
      rawJsonMs: Math.round(baselines[1]!.ms),
      ratio: Number(ratio.toFixed(3))
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** 3. A sampling run over 1,000,000 calls on sqld (the data of sampling.bench.ts), against reading the ids. */
async function samplingPart() {
  const CALLS = 1_000_000;
  const AGENTS = 1000;
  const TEAMS = 50;
  const RUNS = 3;
  const START = Date.UTC(2026, 9, 1);
  const MONTH_MS = Date.UTC(2026, 10, 1) - START;
  const sqld = await startSqld();
  const db = await createDb({ url: wsUrl(sqld) });
  try {
    await migrate(db);
    const c = db.$client;
    let t = performance.now();
    await c.executeMultiple(`
      INSERT INTO tenants (id, slug, name) VALUES (1, 'bench', 'Bench');
      INSERT INTO clients (id, tenant_id, code, name) VALUES (1, 1, 'C', 'Client');
      INSERT INTO programs (id, tenant_id, client_id, code, name) VALUES (1, 1, 1, 'P', 'Program');
      INSERT INTO queues (id, tenant_id, program_id, code, name) VALUES (1, 1, 1, 'q1', 'Billing'), (2, 1, 1, 'q2', 'Meter'), (3, 1, 1, 'q3', 'Moving');
      INSERT INTO teams (id, tenant_id, code, name) SELECT value, 1, 'T' || value, 'Team ' || value FROM generate_series(1, ${TEAMS});
      INSERT INTO people (id, tenant_id, code, name, team_id, hire_date)
        SELECT value, 1, 'A' || value, 'Agent ' || value, 1 + value % ${TEAMS}, CASE WHEN value % 10 = 0 THEN '2026-09-01' ELSE '2024-01-01' END FROM generate_series(1, ${AGENTS});
      INSERT INTO people (id, tenant_id, code, name) SELECT 10000 + value, 1, 'TL' || value, 'Lead ' || value FROM generate_series(1, ${TEAMS});
      INSERT INTO role_assignments (tenant_id, person_id, role, team_id) SELECT 1, 10000 + value, 'team_lead', value FROM generate_series(1, ${TEAMS});
    `);
    // In slices: one statement writing 1M rows would hold sqld's write lock for longer than it allows.
    for (let from = 1; from <= CALLS; from += 100_000)
      await c.execute(`
        INSERT INTO calls (tenant_id, source, external_id, program_id, queue_id, agent_id, direction, started_at, talk_seconds, disposition)
        SELECT 1, 'bench', 'c' || value, 1, 1 + (value * 13) % 3, 1 + (value * 7919) % ${AGENTS},
               CASE WHEN value % 10 = 0 THEN 'outbound' ELSE 'inbound' END,
               ${START} + (value - 1) * ${Math.floor(MONTH_MS / CALLS)} + (value * 7) % 1000, 5 + (value * 31) % 900, 'resolved'
        FROM generate_series(${from}, ${Math.min(CALLS, from + 99_999)})`);
    console.log(
      `  generated ${CALLS.toLocaleString('en')} calls in sqld in ${((performance.now() - t) / 1000).toFixed(1)} s (not part of the figures)`
    );

    const ctx = { db, principal: systemPrincipal(1, 'bench') };
    const definition = {
      period: 'month',
      timezone: 'UTC',
      quota: { perAgent: 4, newAgent: { months: 3, perAgent: 8 } },
      filters: { minTalkSeconds: 10 },
      exclude: { alreadyEvaluated: true, alreadySampled: false },
      stratify: { spread: 'week', proportional: 'queue' }
    };
    const where = `tenant_id = 1 AND program_id = 1 AND started_at >= ${START} AND started_at < ${START + MONTH_MS} AND talk_seconds >= 10`;
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    const runMs: number[] = [];
    const selectMs: number[] = [];
    let eligible = 0;
    for (let i = 0; i < RUNS; i++) {
      gc();
      t = performance.now();
      // The baseline: the eligible ids as plain rows, 100,000 a page (sqld answers at most ~10 MB at once, and the
      // packed JSON read of sampling.bench.ts is a longer string than it allows).
      eligible = 0;
      for (let last = 0, page = 1; page > 0;) {
        const rows = (await c.execute({ sql: `SELECT id FROM calls WHERE ${where} AND id > ? ORDER BY id LIMIT 100000`, args: [last] }))
          .rows;
        page = rows.length;
        eligible += page;
        if (page) last = Number(rows[page - 1]!.id);
      }
      selectMs.push(performance.now() - t);
      const plan = await createSamplingPlan({ ctx, input: { programId: 1, name: `bench ${i}`, definition } });
      await publishSamplingPlan({ ctx, input: { planId: plan.id } });
      gc();
      t = performance.now();
      const r = await runSamplingPlan({ ctx, input: { planId: plan.id, from: '2026-10-01', to: '2026-10-31' } });
      runMs.push(performance.now() - t);
      if (r.populationSize !== eligible) throw new Error(`run saw ${r.populationSize} eligible calls, the SELECT ${eligible}`);
      console.log(
        `  run ${i + 1}: ${runMs[i]!.toFixed(0)} ms (${r.selected} drawn) · plain SELECT of the eligible ids ${selectMs[i]!.toFixed(0)} ms`
      );
    }
    const run = median(runMs);
    console.log(
      `  sampling run over ${eligible.toLocaleString('en')} eligible calls on sqld: median ${run.toFixed(0)} ms of ${RUNS}, ${(run / median(selectMs)).toFixed(2)}× the plain SELECT of the ids; target < 2 s ${run < 2000 ? 'met' : 'MISSED'} (${machine()})`
    );
    results.sampling = { calls: CALLS, eligible, runMs: Math.round(run), selectIdsMs: Math.round(median(selectMs)) };
  } finally {
    db.$client.close();
    await sqld.stop();
  }
}

for (const [name, part] of [
  ['http', httpPart],
  ['import', importPart],
  ['sampling', samplingPart]
] as const) {
  if (!PARTS.includes(name)) continue;
  console.log(`\n── ${name} ──`);
  await part();
}
console.log(JSON.stringify({ bench: 'scale-out', connections: CONNECTIONS, loadSeconds: LOAD_MS / 1000, ...results }));
