/**
 * Who-asks overhead (issue 3): requests per second through app.request on createApp for a trivial route,
 * anonymous vs. with a session cookie (better-auth getSession + person + roles) vs. with an API token,
 * and the sign-in itself (argon2id verify). Run: pnpm bench auth
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createDb, migrate } from '@attentive/db';
import { createFixtureOrg } from '@attentive/db/fixtures';
import { createApp, loadEnv } from '@attentive/api';
import { TEST_PASSWORD, signInAs, signInWithPassword, tokenHeaders } from '../../apps/api/test/support/auth.ts';

const dir = mkdtempSync(join(tmpdir(), 'attentive-bench-auth-'));
const db = await createDb({ url: `file:${join(dir, 'b.db')}` });
await migrate(db);
const app = createApp({ db, env: loadEnv({ NODE_ENV: 'test' }) });
const org = await createFixtureOrg(db);
const s = await signInAs(app, db, {
  tenantId: org.tenantId,
  grants: [{ role: 'team_lead', teamId: org.teams.a.id }, { role: 'qa_analyst' }]
});
const tok = await tokenHeaders(db, { tenantId: org.tenantId, programId: org.programs.a.id });

async function rate(label: string, n: number, f: () => Promise<unknown>) {
  for (let i = 0; i < Math.min(100, n); i++) await f();
  const t0 = performance.now();
  for (let i = 0; i < n; i++) await f();
  const ms = performance.now() - t0;
  console.log(`${label.padEnd(36)} ${(n / (ms / 1000)).toFixed(0).padStart(6)} req/s  ${(ms / n).toFixed(2)} ms/req`);
}

await rate('GET /api/health, anonymous', 2000, () => app.request('/api/health'));
await rate('GET /api/health, API token', 2000, () => app.request('/api/health', { headers: tok.headers }));
await rate('GET /api/health, session cookie', 2000, () => app.request('/api/health', { headers: s.headers }));
await rate('GET /api/me, session cookie', 2000, () => app.request('/api/me', { headers: s.headers }));
await rate('POST sign-in (argon2id verify)', 40, () => signInWithPassword(app, s.email, TEST_PASSWORD));
db.$client.close();
rmSync(dir, { recursive: true, force: true });
