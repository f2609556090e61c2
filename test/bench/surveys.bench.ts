/**
 * Callback survey results benchmark (issue 14) on the demo as `pnpm dev` seeds it: 60,000 calls, 90 days of
 * callback lists for two programs (≈ 1,600 items, ≈ 1,000 responses, their attempts and alerts). Times
 * GET /api/surveys/results (metrics, non-response, low-answer split, weekly trend), GET
 * /api/surveys/results/agents (QA per dimension via THE per-agent aggregate, next to CSAT and FCR) and GET
 * /api/surveys/alerts, over the whole 90 days, through app.request on createApp (signed in: policy,
 * validation, JSON) — server time, no network. Baseline in the same process and database: GET /api/health
 * (the floor of one request) and GET /api/mystery/reachability over the same days (a read-time report of
 * the same kind). Median, p95 and CPU per request of 40 runs after 15 warm-up requests.
 * Run: pnpm bench surveys   (target: < 50 ms median for the results and agents reads)
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createDb, migrate } from '@attentive/db';
import { seedDemoIfEmpty, startOfUtcDay } from '@attentive/db/demo/seed';
import { createApp, loadEnv } from '@attentive/api';
import { signInAs } from '../../apps/api/test/support/auth.ts';
import { measureRequests } from './measure-requests.ts';

const RUNS = 40;
const KEY = Buffer.alloc(32, 5).toString('base64');

const dir = mkdtempSync(join(tmpdir(), 'attentive-bench-surveys-'));
const db = await createDb({ url: `file:${join(dir, 'bench.db')}` });
await migrate(db);
const now = startOfUtcDay();
const t = performance.now();
await seedDemoIfEmpty(db, { calls: 60_000, transcripts: 20, now, contactKey: KEY });
await db.$client.execute('ANALYZE');
const one = async (sql: string) => (await db.$client.execute(sql)).rows[0]!;
const tenantId = Number((await one("SELECT id FROM tenants WHERE slug = 'demo'")).id);
const program = Number((await one(`SELECT id FROM programs WHERE tenant_id = ${tenantId} AND code = 'EN-CARE'`)).id);
const counts = await one(
  'SELECT (SELECT count(*) FROM callback_items) AS items, (SELECT count(*) FROM survey_responses) AS responses, (SELECT count(*) FROM callback_attempts) AS attempts, (SELECT count(*) FROM survey_alerts) AS alerts, (SELECT count(*) FROM evaluations) AS evaluations'
);
console.log(`data: demo seeded in ${((performance.now() - t) / 1000).toFixed(1)} s: ${JSON.stringify(counts)}`);

const app = createApp({
  db,
  env: loadEnv({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    ORIGIN: 'http://localhost',
    CONTACT_DATA_KEY: KEY,
    RECORDINGS_DIR: mkdtempSync(join(tmpdir(), 'bench-rec-'))
  }),
  now: () => now
});
const admin = (await signInAs(app, db, { tenantId, grants: [{ role: 'admin' }], name: 'Bench admin' })).headers;

const measure = (path: string, headers: Record<string, string>) => measureRequests(app, path, headers, { runs: RUNS, warmup: 15 });

const day = (offset: number) => new Date(now.getTime() + offset * 86_400_000).toISOString().slice(0, 10);
const period = `from=${day(-90)}&to=${day(0)}`;
const cases = [
  { name: 'baseline: GET /api/health', path: '/api/health', target: false },
  { name: 'baseline: mystery reachability, same days', path: `/api/mystery/reachability?${period}`, target: false },
  { name: 'survey results, EN-CARE, 90 days', path: `/api/surveys/results?programId=${program}&${period}`, target: true },
  { name: 'survey results, all programs, 90 days', path: `/api/surveys/results?${period}`, target: true },
  { name: 'QA next to CSAT per agent, all programs, 90 days', path: `/api/surveys/results/agents?${period}`, target: true },
  { name: 'alerts (open first, 100)', path: '/api/surveys/alerts', target: true }
];
console.log(
  `load average ${loadavg()
    .map((x) => x.toFixed(2))
    .join(' ')}`
);
console.log('| request (demo: 60,000 calls, 90 days of callbacks) | median ms | p95 ms | CPU ms/request |');
console.log('| --- | --- | --- | --- |');
let failed = false;
for (const c of cases) {
  const r = await measure(c.path, admin);
  console.log(`| ${c.name} | ${r.median.toFixed(1)} | ${r.p95.toFixed(1)} | ${r.cpu.toFixed(1)} |`);
  if (c.target && r.median >= 50) failed = true;
}
db.$client.close();
rmSync(dir, { recursive: true, force: true });
if (failed) {
  console.error('target missed: a median ≥ 50 ms');
  process.exit(1);
}
