/**
 * Call import benchmark (issue 2): N generated CSV rows (default 1,000,000) through the product's import
 * path — POST /api/calls/import with a streamed body, through app.request, signed in as an admin — against
 * a raw @libsql/client multi-row batched insert of the same rows (1,000-row INSERT … VALUES, 10,000-row
 * transactions), each on a fresh database with the real migrations, in the same run.
 * Order: product import, the same file again (every row unchanged: the idempotent re-import), raw insert.
 * Both stores are compared (row count and column sums) so the two paths provably wrote the same rows.
 * Run: pnpm bench import   (or BENCH_IMPORT_ROWS=200000 pnpm bench import)
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createTestDb } from '@attentive/db/testing';
import { createFixtureOrg } from '@attentive/db/fixtures';
import { createApp, loadEnv } from '@attentive/api';
import { signInAs } from '../../apps/api/test/support/auth.ts';
import { fileBody, fingerprint, rawInsert, writeCsv } from './call-rows.ts';

const N = Number(process.env.BENCH_IMPORT_ROWS ?? process.argv[2] ?? 1_000_000);
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

const dir = mkdtempSync(join(tmpdir(), 'attentive-bench-import-'));
try {
  const csvPath = join(dir, 'calls.csv');
  let t = performance.now();
  await writeCsv(csvPath, N);
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
  await prodDb.cleanup();

  // 3. raw baseline (after the product, so the product's memory figure is not inflated by the raw run's)
  const rawDb = await createTestDb();
  const rawOrg = await createFixtureOrg(rawDb.db, { callsPerAgent: 0 });
  const { wallMs: rawMs, cpuMs: rawCpuMs } = await rawInsert(rawOrg, rawDb.db.$client, N);
  const rawPrint = await fingerprint(rawDb.db.$client, rawOrg.tenantId);
  await rawDb.cleanup();
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
