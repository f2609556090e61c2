/**
 * Who-asks overhead (issues 3 and 16): requests per second through app.request on createApp for a trivial route,
 * anonymous vs. with a session cookie (signature check + one statement) vs. with an API token, and GET /api/me,
 * on an embedded file and on a libSQL server (sqld over ws:, started here) in the same run. Each figure is taken
 * one request at a time and with 16 in flight (a server serves many clients; on sqld a query waits on the
 * network, so concurrency is the fair measure there), best of three rounds taken in turn (the machine is shared).
 * The target (issue 16): GET /api/me with a session cookie at ≥ 0.5× the anonymous health route.
 * Then the sign-in itself (argon2id verify). Run: pnpm bench auth
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createDb, migrate } from '@attentive/db';
import { startSqld } from '@attentive/db/sqld';
import { createFixtureOrg } from '@attentive/db/fixtures';
import { createApp, loadEnv } from '@attentive/api';
import { TEST_PASSWORD, signInAs, signInWithPassword, tokenHeaders } from '../../apps/api/test/support/auth.ts';

const ROUNDS = 3;
const IN_FLIGHT = 16;

/** Requests per second of `f`, `n` times, `inFlight` at once. A status other than 200 stops the benchmark. */
async function rate(n: number, inFlight: number, f: () => Promise<Response>) {
  let next = 0;
  const worker = async () => {
    while (next++ < n) {
      const res = await f();
      if (res.status !== 200) throw new Error(`${res.status} ${await res.text()}`);
      await res.arrayBuffer();
    }
  };
  const t0 = performance.now();
  await Promise.all(Array.from({ length: inFlight }, worker));
  return n / ((performance.now() - t0) / 1000);
}

async function benchOn(kind: 'file' | 'sqld', n: number) {
  const dir = mkdtempSync(join(tmpdir(), 'attentive-bench-auth-'));
  const sqld = kind === 'sqld' ? await startSqld({ dir }) : null;
  const db = await createDb({ url: sqld ? sqld.url.replace('http:', 'ws:') : `file:${join(dir, 'b.db')}` });
  await migrate(db);
  const app = createApp({ db, env: loadEnv({ NODE_ENV: 'test' }) });
  const org = await createFixtureOrg(db);
  const s = await signInAs(app, db, {
    tenantId: org.tenantId,
    grants: [{ role: 'team_lead', teamId: org.teams.a.id }, { role: 'qa_analyst' }]
  });
  const tok = await tokenHeaders(db, { tenantId: org.tenantId, programId: org.programs.a.id });
  const cases: [string, () => Promise<Response>][] = [
    ['GET /api/health, anonymous', async () => app.request('/api/health')],
    ['GET /api/health, API token', async () => app.request('/api/health', { headers: tok.headers })],
    ['GET /api/health, session cookie', async () => app.request('/api/health', { headers: s.headers })],
    ['GET /api/me, session cookie', async () => app.request('/api/me', { headers: s.headers })]
  ];
  const best = new Map<string, number>();
  for (const f of cases.map((c) => c[1])) await rate(Math.min(200, n), 1, f); // warm-up
  for (let round = 0; round < ROUNDS; round++) {
    for (const inFlight of [1, IN_FLIGHT]) {
      for (const [label, f] of cases) {
        const key = `${label}|${inFlight}`;
        best.set(key, Math.max(best.get(key) ?? 0, await rate(n, inFlight, f)));
      }
    }
  }
  console.log(`\n${kind}${sqld ? ` (sqld over ws:, ${sqld.url})` : ''}: requests/s, best of ${ROUNDS}, ${n} requests each`);
  console.log(`${''.padEnd(34)} ${'1 at a time'.padStart(12)} ${`${IN_FLIGHT} in flight`.padStart(12)}`);
  for (const [label] of cases) {
    const [one, many] = [best.get(`${label}|1`)!, best.get(`${label}|${IN_FLIGHT}`)!];
    console.log(`${label.padEnd(34)} ${one.toFixed(0).padStart(12)} ${many.toFixed(0).padStart(12)}`);
  }
  const ratio = (inFlight: number) =>
    (best.get(`GET /api/me, session cookie|${inFlight}`)! / best.get(`GET /api/health, anonymous|${inFlight}`)!).toFixed(2);
  console.log(`${'/api/me ÷ anonymous health'.padEnd(34)} ${`${ratio(1)}×`.padStart(12)} ${`${ratio(IN_FLIGHT)}×`.padStart(12)}`);

  if (kind === 'file') {
    const t0 = performance.now();
    for (let i = 0; i < 40; i++) await signInWithPassword(app, s.email, TEST_PASSWORD);
    const ms = (performance.now() - t0) / 40;
    console.log(`${'POST sign-in (argon2id verify)'.padEnd(34)} ${(1000 / ms).toFixed(0).padStart(12)}   (${ms.toFixed(1)} ms/req)`);
  }
  db.$client.close();
  await sqld?.stop();
  rmSync(dir, { recursive: true, force: true });
}

await benchOn('file', 2000);
await benchOn('sqld', 500);
