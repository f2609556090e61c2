/**
 * Calibration results benchmark (issue 15). The demo as `pnpm start` seeds it (its five revealed sessions: 5 calls ×
 * 5 evaluators) plus one large session made here through the product's verbs: 20 calls × 30 evaluators, every
 * score through THE score writer, revealed, agreed answers for every item through THE consensus writer. Times,
 * through app.request on createApp (signed in: policy, validation, JSON; server time, no network):
 * GET /api/calibration/sessions/{id}/results (answers side by side, Krippendorff's alpha per item with a 1,000-draw
 * bootstrap interval, Fleiss' kappa, percent agreement, overall alpha and spread, each evaluator's deviation) and
 * GET /api/calibration/evaluators (each evaluator's deviation per session and drift over a year).
 * Baseline in the same process and database: GET /api/health and the session detail GET /api/calibration/sessions/{id}.
 * Median, p95 and CPU per request of 30 runs after 10 warm-up requests.
 * Run: pnpm bench calibration   (target: < 250 ms median for the large session's results; < 100 ms for the rest)
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createDb, migrate, schema } from '@attentive/db';
import { seedDemoIfEmpty, startOfUtcDay } from '@attentive/db/demo/seed';
import { demoScorecardV2 } from '@attentive/db/demo/scorecards';
import { ScorecardDefinition } from '@attentive/shared/scorecard';
import { createApp, loadEnv } from '@attentive/api';
import { mulberry32, type Grant } from '@attentive/core';
import { createCalibrationSession } from '@attentive/core/calibration/create-session';
import { saveCalibrationScore } from '@attentive/core/calibration/save-calibration-score';
import { revealSession } from '@attentive/core/calibration/reveal-session';
import { recordConsensus } from '@attentive/core/calibration/record-consensus';
import { signInAs } from '../../apps/api/test/support/auth.ts';
import { answerSetsOf } from './answer-sets.ts';
import { measureRequests } from './measure-requests.ts';

const RUNS = 30;
const CALLS = 20;
const EVALUATORS = 30;

const dir = mkdtempSync(join(tmpdir(), 'attentive-bench-calibration-'));
const db = await createDb({ url: `file:${join(dir, 'bench.db')}` });
await migrate(db);
const now = startOfUtcDay();
let t = performance.now();
await seedDemoIfEmpty(db, { calls: 20_000, transcripts: 20, now });
const one = async (sql: string) => (await db.$client.execute(sql)).rows[0]!;
const rows = async (sql: string) => (await db.$client.execute(sql)).rows;
const tenantId = Number((await one("SELECT id FROM tenants WHERE slug = 'demo'")).id);
const program = Number((await one(`SELECT id FROM programs WHERE tenant_id = ${tenantId} AND code = 'EN-CARE'`)).id);
console.log(`data: demo seeded in ${((performance.now() - t) / 1000).toFixed(1)} s`);

// The large session: 30 evaluators (the demo's leads, QA and admin, plus made-up leads of team T01).
t = performance.now();
const team = Number((await one(`SELECT id FROM teams WHERE tenant_id = ${tenantId} AND code = 'T01'`)).id);
const staff = (
  await rows(`SELECT person_id FROM role_assignments WHERE tenant_id = ${tenantId} AND role IN ('team_lead', 'qa_analyst', 'admin')`)
).map((r) => Number(r.person_id));
const evaluators = [...new Set(staff)];
for (let i = evaluators.length; i < EVALUATORS; i++) {
  const [p] = await db
    .insert(schema.people)
    .values({ tenantId, code: `BENCH${i}`, name: `Bench lead ${i}` })
    .returning();
  await db.insert(schema.roleAssignments).values({ tenantId, personId: p!.id, role: 'team_lead', teamId: team });
  evaluators.push(p!.id);
}
evaluators.length = EVALUATORS;
const grantsOf = async (personId: number) =>
  (await rows(`SELECT role, team_id, client_id FROM role_assignments WHERE person_id = ${personId}`)).map(
    (r) =>
      ({
        role: r.role,
        ...(r.team_id != null ? { teamId: Number(r.team_id) } : {}),
        ...(r.client_id != null ? { clientId: Number(r.client_id) } : {})
      }) as Grant
  );
const qaId = Number((await one(`SELECT id FROM people WHERE tenant_id = ${tenantId} AND code = 'QA01'`)).id);
const ctxOf = async (personId: number) => ({
  db,
  now: () => now,
  principal: { kind: 'user' as const, tenantId, label: `user:${personId}`, personId, grants: await grantsOf(personId) }
});
const qa = await ctxOf(qaId);
const callIds = (await rows(`SELECT id FROM calls WHERE program_id = ${program} ORDER BY id DESC LIMIT ${CALLS}`)).map((r) => Number(r.id));
const session = await createCalibrationSession({
  ctx: qa,
  input: {
    programId: program,
    title: 'Bench: 20 calls × 30 evaluators',
    deadline: new Date(now.getTime() + 86_400_000).toISOString(),
    participantIds: evaluators,
    calls: { mode: 'chosen', callIds }
  }
});
const definition = ScorecardDefinition.parse(demoScorecardV2);
const answerSet = answerSetsOf(definition, CALLS, mulberry32(15), {});
for (const personId of evaluators) {
  const ctx = await ctxOf(personId);
  for (const [i, callId] of callIds.entries())
    await saveCalibrationScore({ ctx, input: { sessionId: session.id, callId, answers: answerSet(i), submit: true } });
}
await revealSession({ ctx: qa, input: { sessionId: session.id } });
for (const [i, callId] of callIds.entries()) {
  const agreed = answerSet(i);
  await recordConsensus({
    ctx: qa,
    input: {
      sessionId: session.id,
      callId,
      items: definition.sections
        .flatMap((s) => s.items)
        .map((it) => ({ itemId: it.id, answer: agreed[it.id] ?? null, basis: 'consensus' as const, note: '' }))
    }
  });
}
await db.$client.execute('ANALYZE');
console.log(`large session made through the verbs in ${((performance.now() - t) / 1000).toFixed(1)} s (${CALLS * EVALUATORS} scores)`);

const app = createApp({
  db,
  env: loadEnv({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    ORIGIN: 'http://localhost',
    RECORDINGS_DIR: mkdtempSync(join(tmpdir(), 'bench-rec-'))
  }),
  now: () => now
});
const headers = (await signInAs(app, db, { tenantId, grants: [{ role: 'qa_analyst' }], name: 'Bench QA' })).headers;

const measure = (path: string) => measureRequests(app, path, headers, { runs: RUNS, warmup: 10 });

const demoSession = Number(
  (await one(`SELECT max(id) AS id FROM calibration_sessions WHERE revealed_at IS NOT NULL AND id <> ${session.id}`)).id
);
const cases = [
  { name: 'baseline: GET /api/health', path: '/api/health', target: null },
  { name: 'baseline: session detail, large session', path: `/api/calibration/sessions/${session.id}`, target: null },
  { name: 'results, demo session (5 calls × 5 evaluators)', path: `/api/calibration/sessions/${demoSession}/results`, target: 100 },
  {
    name: `results, large session (${CALLS} calls × ${EVALUATORS} evaluators)`,
    path: `/api/calibration/sessions/${session.id}/results`,
    target: 250
  },
  { name: 'evaluators: deviation and drift, 12 months', path: '/api/calibration/evaluators', target: 100 }
];
console.log(
  `load average ${loadavg()
    .map((x) => x.toFixed(2))
    .join(' ')}`
);
console.log('| request | median ms | p95 ms | CPU ms/request |');
console.log('| --- | --- | --- | --- |');
let failed = false;
for (const c of cases) {
  const r = await measure(c.path);
  console.log(`| ${c.name} | ${r.median.toFixed(1)} | ${r.p95.toFixed(1)} | ${r.cpu.toFixed(1)} |`);
  if (c.target != null && r.median >= c.target) failed = true;
}
db.$client.close();
rmSync(dir, { recursive: true, force: true });
if (failed) {
  console.error('target missed');
  process.exit(1);
}
