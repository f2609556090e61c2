/**
 * Evaluations benchmark (issue 4): 100,000 evaluations STORED in a temp database (raw multi-row
 * inserts, stale cached scores), then
 *  1. re-score all of them from their stored answers through THE formula (computeScore) and write the
 *     cached results back (rescoreEvaluations: paged reads, one multi-row UPDATE per page);
 *  2. the per-dimension aggregate per agent over them with 95% intervals (aggregateRows: SQL sums,
 *     intervals from the one stats module) — the query behind GET /api/evaluations/aggregates.
 * Run: pnpm bench evaluations   (or: pnpm --filter @attentive/bench exec tsx evaluations.bench.ts [n] [agents])
 */
import { performance } from 'node:perf_hooks';
import { createTestDb } from '@attentive/db/testing';
import { demoScorecardV2 } from '@attentive/db/demo/scorecards';
import { ScorecardDefinition } from '@attentive/shared/scorecard';
import { computeScore, mulberry32, systemPrincipal } from '@attentive/core';
import { answerSetsOf } from './answer-sets.ts';
import { rescoreEvaluations } from '@attentive/core/evaluations/rescore-evaluations';
import { aggregateRows } from '@attentive/core/evaluations/aggregate-scores';

const N = Number(process.argv[2] ?? 100_000);
const AGENTS = Number(process.argv[3] ?? 500);
const def = ScorecardDefinition.parse(demoScorecardV2);

const rnd = mulberry32(20261123);
const answers = answerSetsOf(def, AGENTS, rnd);

const t = await createTestDb();
const c = t.db.$client;
try {
  await c.execute('PRAGMA cache_size = -65536');
  // Organisation: one tenant, client, program, team, AGENTS agents, the demo scorecard published.
  const tenantId = Number((await c.execute("INSERT INTO tenants (slug, name) VALUES ('bench', 'Bench') RETURNING id")).rows[0]!.id);
  const clientId = Number(
    (await c.execute({ sql: "INSERT INTO clients (tenant_id, code, name) VALUES (?, 'C', 'Client') RETURNING id", args: [tenantId] }))
      .rows[0]!.id
  );
  const programId = Number(
    (
      await c.execute({
        sql: "INSERT INTO programs (tenant_id, client_id, code, name) VALUES (?, ?, 'P', 'Program') RETURNING id",
        args: [tenantId, clientId]
      })
    ).rows[0]!.id
  );
  const teamId = Number(
    (await c.execute({ sql: "INSERT INTO teams (tenant_id, code, name) VALUES (?, 'T', 'Team') RETURNING id", args: [tenantId] })).rows[0]!
      .id
  );
  const agentIds: number[] = [];
  for (let i = 0; i < AGENTS; i += 500) {
    const n = Math.min(500, AGENTS - i);
    const r = await c.execute({
      sql: `INSERT INTO people (tenant_id, code, name, team_id) VALUES ${Array.from({ length: n }, () => '(?, ?, ?, ?)').join(',')} RETURNING id`,
      args: Array.from({ length: n }, (_, j) => [tenantId, `AG${i + j}`, `Agent ${i + j}`, teamId]).flat()
    });
    agentIds.push(...r.rows.map((x) => Number(x.id)));
  }
  const scorecardId = Number(
    (
      await c.execute({
        sql: "INSERT INTO scorecards (tenant_id, program_id, name, created_by) VALUES (?, NULL, 'Demo', 'bench') RETURNING id",
        args: [tenantId]
      })
    ).rows[0]!.id
  );
  const versionId = Number(
    (
      await c.execute({
        sql: "INSERT INTO scorecard_versions (tenant_id, scorecard_id, version, status, definition, created_by, updated_at) VALUES (?, ?, 1, 'published', ?, 'bench', ?) RETURNING id",
        args: [tenantId, scorecardId, JSON.stringify(def), Date.now()]
      })
    ).rows[0]!.id
  );

  // 100,000 submitted evaluations with answers and STALE cached results (overall 0, no dimensions).
  const tGen0 = performance.now();
  const now = Date.now();
  const COLS =
    '(tenant_id, agent_id, program_id, scorecard_version_id, evaluator_label, kind, status, revision, version, answers, submitted_at, overall_score, dimension_scores, failed, critical_flags, created_at, updated_at)';
  const ROW = "(?, ?, ?, ?, 'system:bench', 'sampled', 'submitted', 1, 2, ?, ?, 0, NULL, 0, '[]', ?, ?)";
  for (let done = 0; done < N;) {
    const tx = await c.transaction('write');
    try {
      for (let k = 0; k < 10 && done < N; k++) {
        const n = Math.min(1000, N - done);
        const args: (number | string)[] = [];
        for (let j = 0; j < n; j++) {
          const a = Math.floor(rnd() * AGENTS);
          const at = now - Math.floor(rnd() * 90 * 86_400_000);
          args.push(tenantId, agentIds[a]!, programId, versionId, JSON.stringify(answers(a)), at, at, at);
        }
        await tx.execute({ sql: `INSERT INTO evaluations ${COLS} VALUES ${Array.from({ length: n }, () => ROW).join(',')}`, args });
        done += n;
      }
      await tx.commit();
    } finally {
      tx.close();
    }
  }
  const genMs = performance.now() - tGen0;

  // 1. Re-score all through computeScore and write the cached results back.
  const tRe0 = performance.now();
  const re = await rescoreEvaluations(t.db, { tenantId });
  const reMs = performance.now() - tRe0;

  // Check: a sample matches computeScore, none is left stale.
  const stale = Number((await c.execute('SELECT count(*) n FROM evaluations WHERE dimension_scores IS NULL')).rows[0]!.n);
  const sample = await c.execute('SELECT answers, overall_score FROM evaluations ORDER BY id DESC LIMIT 50');
  for (const r of sample.rows) {
    const want = computeScore(def, JSON.parse(String(r.answers))).score;
    if (want !== (r.overall_score == null ? null : Number(r.overall_score)))
      throw new Error(`cached score ${r.overall_score} ≠ computeScore ${want}`);
  }
  if (stale) throw new Error(`${stale} evaluations still stale`);

  // 2. Per-dimension aggregate per agent (n, mean, 95% t interval; fail rate with Wilson).
  const principal = systemPrincipal(tenantId, 'bench');
  const input = { groupBy: 'agent' as const, kinds: ['sampled' as const, 'live' as const, 'mystery' as const] };
  await aggregateRows(t.db, principal, input); // warm
  const aggRuns: number[] = [];
  let rows = await aggregateRows(t.db, principal, input);
  for (let i = 0; i < 5; i++) {
    const a0 = performance.now();
    rows = await aggregateRows(t.db, principal, input);
    aggRuns.push(performance.now() - a0);
  }
  aggRuns.sort((x, y) => x - y);
  const nTotal = rows.reduce((s, r) => s + r.n, 0);
  if (nTotal !== N || rows.length !== AGENTS) throw new Error(`aggregate covers ${nTotal} evaluations in ${rows.length} groups`);
  const widest = rows.reduce(
    (w, r) => Math.max(w, (r.dimensions.customer_oriented.high ?? 0) - (r.dimensions.customer_oriented.low ?? 0)),
    0
  );

  const fmt = (x: number) => Math.round(x).toLocaleString('en-US');
  console.log(
    `evaluations: ${fmt(N)} stored for ${AGENTS} agents (demo scorecard, ${def.sections.reduce((s, x) => s + x.items.length, 0)} items)`
  );
  console.log(`generate + insert: ${fmt(genMs)} ms (${fmt(N / (genMs / 1000))} rows/s)`);
  console.log(
    `re-score all + write back: ${fmt(reMs)} ms (${fmt(re.evaluations / (reMs / 1000))} evaluations/s; ${fmt(re.changed)} cached results changed)`
  );
  console.log(
    `  of which read ${fmt(re.ms.read)} ms, computeScore ${fmt(re.ms.compute)} ms (${((re.ms.compute * 1000) / N).toFixed(0)} µs each), write back ${fmt(re.ms.write)} ms`
  );
  console.log(
    `aggregate per agent × dimension (${rows.length} rows, n ${fmt(rows[0]!.n)}–${fmt(Math.max(...rows.map((r) => r.n)))}): median ${aggRuns[2]!.toFixed(0)} ms, best ${aggRuns[0]!.toFixed(0)} ms; widest oriented 95% interval ${widest.toFixed(1)} points`
  );
} finally {
  t.cleanup();
}
