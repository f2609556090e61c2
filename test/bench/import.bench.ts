/**
 * Call import benchmark (issue 2): N generated CSV rows (default 1,000,000) through the product's import
 * path — POST /api/calls/import with a streamed body, through app.request, signed in as an admin — against
 * a raw @libsql/client multi-row batched insert of the same rows (1,000-row INSERT … VALUES, 10,000-row
 * transactions), each on a fresh database with the real migrations, in the same run.
 * Order: product import, the same file again (every row unchanged: the idempotent re-import), raw insert.
 * Both stores are compared (row count and column sums) so the two paths provably wrote the same rows.
 * Run: pnpm bench import   (or BENCH_IMPORT_ROWS=200000 pnpm bench import)
 */
import { createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { InValue } from '@libsql/client';
import { createTestDb } from '@attentive/db/testing';
import { createFixtureOrg, type FixtureOrg } from '@attentive/db/fixtures';
import { CALL_IMPORT_COLUMNS } from '@attentive/db/schema/calls';
import { createApp, loadEnv } from '@attentive/api';
import { signInAs } from '../../apps/api/test/support/auth.ts';

const N = Number(process.env.BENCH_IMPORT_ROWS ?? process.argv[2] ?? 1_000_000);
const BATCH = 1000;
const TX_ROWS = 10_000;
const HEADER =
  'source,external_id,program_code,queue_code,agent_code,direction,started_at,answer_seconds,talk_seconds,hold_seconds,transfers,disposition,customer_ref,recording,language';
const START = Date.parse('2026-08-01T00:00:00Z');
const AGENTS = [
  { code: 'A1', program: 'EN-CARE', queue: 'billing' },
  { code: 'A2', program: 'EN-CARE', queue: 'billing' },
  { code: 'B1', program: 'TW-SUPPORT', queue: 'tech' },
  { code: 'B2', program: 'TW-SUPPORT', queue: 'tech' }
];

/** Row i, deterministic: the same values go into the CSV file and into the raw insert. */
function rowValues(i: number) {
  const a = AGENTS[i % 4]!;
  return {
    externalId: `bench-${i}`,
    agent: a,
    direction: i % 7 === 0 ? 'outbound' : 'inbound',
    startedAt: START + i * 7_000,
    answer: (i * 13) % 90,
    talk: 60 + ((i * 7919) % 900),
    hold: (i * 31) % 45,
    transfers: i % 11 === 0 ? 1 : 0,
    disposition: i % 5 === 0 ? 'callback' : 'resolved',
    customerRef: `c-${((i * 2654435761) >>> 0).toString(16)}`,
    recording: i % 50 === 0 ? `2026/08/${i}.mp3` : '',
    language: i % 6 === 0 ? 'en' : 'nl'
  };
}

async function writeCsv(path: string) {
  const out = createWriteStream(path);
  const write = (s: string) => (out.write(s) ? Promise.resolve() : new Promise<void>((r) => out.once('drain', () => r())));
  await write(HEADER + '\n');
  let buf = '';
  for (let i = 0; i < N; i++) {
    const v = rowValues(i);
    buf += `bench,${v.externalId},${v.agent.program},${v.agent.queue},${v.agent.code},${v.direction},${new Date(v.startedAt).toISOString()},${v.answer},${v.talk},${v.hold},${v.transfers},${v.disposition},${v.customerRef},${v.recording},${v.language}\n`;
    if (buf.length > 1 << 20) {
      await write(buf);
      buf = '';
    }
  }
  await write(buf);
  await new Promise<void>((r) => out.end(() => r()));
}

/** The baseline: typed rows straight into multi-row INSERTs. Only the database calls are timed. */
async function rawInsert(org: FixtureOrg, client: Awaited<ReturnType<typeof createTestDb>>['db']['$client']) {
  const ids: Record<string, { agent: number; program: number; queue: number }> = {
    A1: { agent: org.agents.a1.id, program: org.programs.a.id, queue: org.queues.a.id },
    A2: { agent: org.agents.a2.id, program: org.programs.a.id, queue: org.queues.a.id },
    B1: { agent: org.agents.b1.id, program: org.programs.b.id, queue: org.queues.b.id },
    B2: { agent: org.agents.b2.id, program: org.programs.b.id, queue: org.queues.b.id }
  };
  const sqlFor = (n: number) =>
    `INSERT INTO calls (${CALL_IMPORT_COLUMNS.join(',')}) VALUES ${Array.from({ length: n }, () => `(${CALL_IMPORT_COLUMNS.map(() => '?').join(',')})`).join(',')}`;
  const full = sqlFor(BATCH);
  let dbMs = 0;
  let cpuUs = 0;
  let tx = await client.transaction('write');
  for (let i = 0; i < N; i += BATCH) {
    const n = Math.min(BATCH, N - i);
    const args: InValue[] = [];
    for (let j = i; j < i + n; j++) {
      const v = rowValues(j);
      const id = ids[v.agent.code]!;
      args.push(
        org.tenantId,
        'bench',
        v.externalId,
        id.program,
        id.queue,
        id.agent,
        v.direction,
        v.startedAt,
        v.answer,
        v.talk,
        v.hold,
        v.transfers,
        v.disposition,
        v.customerRef,
        v.recording || null,
        v.language
      );
    }
    const t = performance.now();
    const c0 = process.cpuUsage();
    await tx.execute({ sql: n === BATCH ? full : sqlFor(n), args });
    if ((i + n) % TX_ROWS === 0 || i + n >= N) {
      await tx.commit();
      if (i + n < N) tx = await client.transaction('write');
    }
    dbMs += performance.now() - t;
    const c = process.cpuUsage(c0);
    cpuUs += c.user + c.system;
  }
  tx.close();
  return { wallMs: dbMs, cpuMs: cpuUs / 1000 };
}

/**
 * The file as a pull-based request body, 64 KiB at a time, as an HTTP server hands an upload to the app.
 * (Node 20's Readable.toWeb ignores backpressure and would queue the whole file.)
 */
function fileBody(path: string): ReadableStream<Uint8Array> {
  let fh: FileHandle | undefined;
  return new ReadableStream<Uint8Array>({
    async pull(c) {
      fh ??= await open(path);
      const buf = new Uint8Array(64 * 1024);
      const { bytesRead } = await fh.read(buf, 0, buf.length, null);
      if (bytesRead === 0) {
        await fh.close();
        c.close();
      } else c.enqueue(buf.subarray(0, bytesRead));
    },
    async cancel() {
      await fh?.close();
    }
  });
}

/** Peak resident memory while `fn` runs (sampled every 50 ms). */
async function withPeakRss<T>(fn: () => Promise<T>): Promise<[T, number]> {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
  try {
    return [await fn(), peak];
  } finally {
    clearInterval(timer);
  }
}

const fingerprint = async (client: Awaited<ReturnType<typeof createTestDb>>['db']['$client'], tenantId: number) =>
  JSON.stringify(
    (
      await client.execute({
        sql: "SELECT count(*), sum(talk_seconds), sum(answer_seconds), sum(hold_seconds), sum(transfers), sum(started_at % 1000003), count(recording_path), sum(direction = 'outbound'), count(DISTINCT customer_ref) FROM calls WHERE tenant_id = ? AND source = 'bench'",
        args: [tenantId]
      })
    ).rows[0]
  );

const dir = mkdtempSync(join(tmpdir(), 'attentive-bench-import-'));
try {
  const csvPath = join(dir, 'calls.csv');
  let t = performance.now();
  await writeCsv(csvPath);
  const bytes = statSync(csvPath).size;
  console.log(
    `generated ${N.toLocaleString('en')} rows, ${(bytes / 1e6).toFixed(1)} MB CSV in ${((performance.now() - t) / 1000).toFixed(1)} s`
  );

  // 1. the product: streamed CSV through the HTTP handler
  const prodDb = await createTestDb();
  const org = await createFixtureOrg(prodDb.db, { callsPerAgent: 0 });
  const app = createApp({ db: prodDb.db, env: loadEnv({ NODE_ENV: 'test', LOG_LEVEL: 'silent', ORIGIN: 'http://localhost' }) });
  const { headers } = await signInAs(app, prodDb.db, { tenantId: org.tenantId, grants: [{ role: 'admin' }] });
  const upload = async () => {
    const body = fileBody(csvPath);
    const res = await app.request('/api/calls/import?mode=skip-invalid&source=bench', {
      method: 'POST',
      headers: { ...headers, 'content-type': 'text/csv' },
      body,
      duplex: 'half'
    } as RequestInit);
    const json = (await res.json()) as { inserted: number; unchanged: number; invalid: number; rows: number };
    if (res.status !== 200) throw new Error(`import answered ${res.status}: ${JSON.stringify(json).slice(0, 500)}`);
    return json;
  };
  const rssBefore = process.memoryUsage().rss;
  t = performance.now();
  const cpu0 = process.cpuUsage();
  const [first, peakRss] = await withPeakRss(upload);
  const prodMs = performance.now() - t;
  const prodCpu = process.cpuUsage(cpu0);
  const prodCpuMs = (prodCpu.user + prodCpu.system) / 1000;
  if (first.inserted !== N || first.invalid !== 0) throw new Error(`expected ${N} inserted, got ${JSON.stringify(first)}`);
  const prodPrint = await fingerprint(prodDb.db.$client, org.tenantId);
  const prodRate = N / (prodMs / 1000);
  console.log(
    `product import (POST /api/calls/import, streamed, skip-invalid): ${(prodMs / 1000).toFixed(2)} s (CPU ${(prodCpuMs / 1000).toFixed(2)} s), ${Math.round(prodRate).toLocaleString('en')} rows/s, peak RSS ${(peakRss / 1e6).toFixed(0)} MB (${((peakRss - rssBefore) / 1e6).toFixed(0)} MB above start; the file is ${(bytes / 1e6).toFixed(0)} MB)`
  );

  // 2. the same file again: nothing changes
  t = performance.now();
  const again = await upload();
  const againMs = performance.now() - t;
  if (again.unchanged !== N || again.inserted !== 0) throw new Error(`re-import should change nothing, got ${JSON.stringify(again)}`);
  console.log(
    `re-import of the same file (all ${N.toLocaleString('en')} rows unchanged): ${(againMs / 1000).toFixed(2)} s, ${Math.round(N / (againMs / 1000)).toLocaleString('en')} rows/s`
  );
  prodDb.cleanup();

  // 3. raw baseline (after the product, so the product's memory figure is not inflated by the raw run's)
  const rawDb = await createTestDb();
  const rawOrg = await createFixtureOrg(rawDb.db, { callsPerAgent: 0 });
  const { wallMs: rawMs, cpuMs: rawCpuMs } = await rawInsert(rawOrg, rawDb.db.$client);
  const rawPrint = await fingerprint(rawDb.db.$client, rawOrg.tenantId);
  rawDb.cleanup();
  const rawRate = N / (rawMs / 1000);
  console.log(
    `raw @libsql/client multi-row insert: ${(rawMs / 1000).toFixed(2)} s (CPU ${(rawCpuMs / 1000).toFixed(2)} s), ${Math.round(rawRate).toLocaleString('en')} rows/s`
  );

  if (prodPrint !== rawPrint)
    throw new Error(`the product stored different rows than the raw insert:\n raw  ${rawPrint}\n prod ${prodPrint}`);

  const ratio = prodRate / rawRate;
  // On a busy machine wall time mostly measures waiting for a core; CPU time barely changes with load.
  const cpuRatio = rawCpuMs / prodCpuMs;
  console.log(
    `ratio product / raw: ${ratio.toFixed(2)}× by wall time, ${cpuRatio.toFixed(2)}× by CPU time (target ≥ 0.5×) ${ratio >= 0.5 ? 'OK' : 'BELOW TARGET'}`
  );
  console.log(
    JSON.stringify({
      bench: 'call-import',
      rows: N,
      csvBytes: bytes,
      rawRowsPerSec: Math.round(rawRate),
      importRowsPerSec: Math.round(prodRate),
      ratio: Number(ratio.toFixed(3)),
      cpuRatio: Number(cpuRatio.toFixed(3)),
      rawCpuMs: Math.round(rawCpuMs),
      importCpuMs: Math.round(prodCpuMs),
      loadAvg1m: Number(loadavg()[0]!.toFixed(1)),
      reimportRowsPerSec: Math.round(N / (againMs / 1000)),
      peakRssMB: Math.round(peakRss / 1e6)
    })
  );
  if (ratio < 0.5) process.exitCode = 1;
} finally {
  rmSync(dir, { recursive: true, force: true });
}
