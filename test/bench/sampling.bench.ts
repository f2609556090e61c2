/**
 * Sampling benchmark (issue 5): one run of a plan over 1,000,000 calls of 1,000 agents — load the
 * eligible population, rank every call with HMAC-SHA256, draw 4 calls per agent (spread over the
 * weeks, proportional over 3 queues), store the run and its 4,000 items, assign them to 50 team
 * leads, write the audit row — through the core verb, in one transaction. The run ranks in
 * WebAssembly SIMD on a worker thread plus this one (rank-batch.ts); run 1 includes starting that
 * worker, so it is reported on its own as well as in the median. Compared in the same
 * process with a plain SELECT of the eligible ids (row objects from @libsql/client), and with the
 * packed JSON read the verb itself uses. Also times the verification of the run.
 * The calls are generated with one INSERT … SELECT over generate_series into a temp database, in time
 * order as an import would write them (one program, so the run's population really is 1,000,000 calls).
 * Run: pnpm bench sampling
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createDb, migrate } from '@attentive/db';
import { createSamplingPlan, publishSamplingPlan, runSamplingPlan, systemPrincipal, verifySampleRun } from '@attentive/core';

// Collect garbage before each timed step (run-all.mjs passes --expose-gc), so no step pays for the last one's.
const gc = (globalThis as { gc?: () => void }).gc ?? (() => {});
const CALLS = 1_000_000;
const AGENTS = 1000;
const TEAMS = 50;
const RUNS = 5;
const START = Date.UTC(2026, 9, 1); // October 2026, UTC: the population of one monthly run
const MONTH_MS = Date.UTC(2026, 10, 1) - START;

const dir = mkdtempSync(join(tmpdir(), 'attentive-bench-sampling-'));
const db = await createDb({ url: `file:${join(dir, 'bench.db')}` });
await migrate(db);
const c = db.$client;

let t = performance.now();
await c.executeMultiple(`
  PRAGMA cache_size = -131072;
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
await c.execute(`
  INSERT INTO calls (tenant_id, source, external_id, program_id, queue_id, agent_id, direction, started_at, talk_seconds, disposition)
  SELECT 1, 'bench', 'c' || value, 1, 1 + (value * 13) % 3, 1 + (value * 7919) % ${AGENTS},
         CASE WHEN value % 10 = 0 THEN 'outbound' ELSE 'inbound' END,
         ${START} + (value - 1) * ${Math.floor(MONTH_MS / CALLS)} + (value * 7) % 1000, 5 + (value * 31) % 900, 'resolved'
  FROM generate_series(1, ${CALLS})`);
await c.execute('ANALYZE');
console.log(
  `generated ${CALLS.toLocaleString('en')} calls of ${AGENTS} agents in ${((performance.now() - t) / 1000).toFixed(1)} s (not part of the figures)`
);

const ctx = { db, principal: systemPrincipal(1, 'bench') };
const definition = {
  period: 'month',
  timezone: 'UTC',
  quota: { perAgent: 4, newAgent: { months: 3, perAgent: 8 } },
  filters: { minTalkSeconds: 10 },
  // Each run draws the same population (no exclusion of the previous runs' calls).
  exclude: { alreadyEvaluated: true, alreadySampled: false },
  stratify: { spread: 'week', proportional: 'queue' }
};

const where = `tenant_id = 1 AND program_id = 1 AND started_at >= ${START} AND started_at < ${START + MONTH_MS} AND talk_seconds >= 10`;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const selectMs: number[] = [];
const packedMs: number[] = [];
const runMs: number[] = [];
let eligible = 0;
let drawn = 0;
let lastRun = 0;
for (let i = 0; i < RUNS; i++) {
  gc();
  t = performance.now();
  const rows = await c.execute(`SELECT id FROM calls WHERE ${where}`);
  selectMs.push(performance.now() - t);
  eligible = rows.rows.length;
  gc();
  t = performance.now();
  const packed = await c.execute(`SELECT json_group_array(id) FROM calls WHERE ${where}`);
  JSON.parse(String(packed.rows[0]![0]));
  packedMs.push(performance.now() - t);

  const plan = await createSamplingPlan({ ctx, input: { programId: 1, name: `bench ${i}`, definition } });
  await publishSamplingPlan({ ctx, input: { planId: plan.id } });
  gc();
  t = performance.now();
  const r = await runSamplingPlan({ ctx, input: { planId: plan.id, from: '2026-10-01', to: '2026-10-31' } });
  runMs.push(performance.now() - t);
  if (r.populationSize !== eligible) throw new Error(`run saw ${r.populationSize} eligible calls, the SELECT ${eligible}`);
  drawn = r.selected;
  lastRun = r.runId;
  console.log(
    `  run ${i + 1}: ${runMs[i]!.toFixed(0)} ms · plain SELECT ${selectMs[i]!.toFixed(0)} ms · packed read ${packedMs[i]!.toFixed(0)} ms`
  );
}
gc();
t = performance.now();
const v = await verifySampleRun({ ctx, input: { runId: lastRun } });
const verifyMs = performance.now() - t;
if (!v.ok) throw new Error('the benchmark run does not verify');

const run = median(runMs);
const sel = median(selectMs);
console.log(`
sampling run over ${eligible.toLocaleString('en')} eligible calls, ${AGENTS} agents, ${drawn} drawn (median of ${RUNS}):
  run (load + HMAC rank + draw + store + assign + audit, one transaction)  ${run.toFixed(0)} ms   (min ${Math.min(...runMs).toFixed(0)}, max ${Math.max(...runMs).toFixed(0)}, first run ${runMs[0]!.toFixed(0)})
  plain SELECT of the eligible ids (@libsql/client rows)                 ${sel.toFixed(0)} ms   → run / SELECT = ${(run / sel).toFixed(2)}
  the same ids as one JSON array (what the run reads)                    ${median(packedMs).toFixed(0)} ms   → run / packed = ${(run / median(packedMs)).toFixed(2)}
  verify (recompute population hash, quotas, draw, replacements)         ${verifyMs.toFixed(0)} ms
target: one run < 1 s — ${run < 1000 ? 'met' : 'MISSED'} (load average during the runs: ${loadavg()
  .map((x) => x.toFixed(1))
  .join(' / ')} on ${(await import('node:os')).cpus().length} cores)`);

db.$client.close();
rmSync(dir, { recursive: true, force: true });
