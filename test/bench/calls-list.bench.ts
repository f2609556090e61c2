/**
 * Calls list benchmark (issue 2): first page of GET /api/calls on a 1,000,000-call database, through
 * app.request on createApp (signed in, so with the policy and validation), unfiltered and with common
 * filters, against a raw @libsql/client query of the same page in the same run.
 * The database is generated once by `pnpm --filter @attentive/db gen:scale` and reused from /tmp.
 * Run: pnpm bench calls-list   (BENCH_CALLS_DB=/path.db to use another file)
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createClient, type InValue } from '@libsql/client';
import { createDb, migrate } from '@attentive/db';
import { createApp, loadEnv } from '@attentive/api';
import { signInAs } from '../../apps/api/test/support/auth.ts';

const DB = process.env.BENCH_CALLS_DB ?? '/tmp/attentive-1m.db';
const CALLS = 1_000_000;
const RUNS = 40;
const root = new URL('../..', import.meta.url).pathname;

async function ensureDatabase() {
  if (existsSync(DB)) {
    const c = createClient({ url: `file:${DB}` });
    try {
      const n = Number((await c.execute('SELECT count(*) FROM calls')).rows[0]![0]);
      if (n === CALLS) return;
    } catch {
      // not a usable database: rebuild it
    } finally {
      c.close();
    }
  }
  console.log(`generating ${DB} (${CALLS.toLocaleString('en')} calls, 1,000 agents)…`);
  const t = performance.now();
  const r = spawnSync(
    'pnpm',
    ['--silent', '--filter', '@attentive/db', 'gen:scale', '--calls', String(CALLS), '--agents', '1000', '--out', DB],
    { cwd: root, stdio: 'inherit' }
  );
  if (r.status !== 0) throw new Error('generating the 1M database failed');
  console.log(`generated in ${((performance.now() - t) / 1000).toFixed(1)} s`);
}

const stats = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return { median: s[Math.floor(s.length / 2)]!, p95: s[Math.floor(s.length * 0.95)]! };
};
async function measure(fn: () => Promise<unknown>) {
  for (let i = 0; i < 15; i++) await fn();
  const times: number[] = [];
  // CPU time per request as well: on a shared, loaded machine wall time mostly measures waiting for a core.
  const cpu0 = process.cpuUsage();
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    await fn();
    times.push(performance.now() - t);
  }
  const cpu = process.cpuUsage(cpu0);
  return { ...stats(times), cpu: (cpu.user + cpu.system) / 1000 / RUNS };
}

await ensureDatabase();
const db = await createDb({ url: `file:${DB}` });
await migrate(db); // a reused file may predate newer migrations
const raw = createClient({ url: `file:${DB}` });
const app = createApp({
  db,
  env: loadEnv({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    ORIGIN: 'http://localhost',
    RECORDINGS_DIR: mkdtempSync(join(tmpdir(), 'bench-rec-'))
  })
});

const one = async (sql: string) => (await raw.execute(sql)).rows[0]!;
const tenantId = Number((await one("SELECT id FROM tenants WHERE slug = 'demo'")).id);
const program = await one(`SELECT id FROM programs WHERE tenant_id = ${tenantId} AND code = 'TC-TECH'`);
const client = await one(`SELECT id FROM clients WHERE tenant_id = ${tenantId} AND code = 'INSURE'`);
const team = await one(`SELECT id FROM teams WHERE tenant_id = ${tenantId} AND code = 'T05'`);
const agent = await one(`SELECT id FROM people WHERE tenant_id = ${tenantId} AND code = 'AG500'`);
const latest = Number((await one('SELECT max(started_at) AS t FROM calls')).t);
const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const from = day(latest - 14 * 86_400_000);
const to = day(latest - 7 * 86_400_000);
const teamAgents = (await raw.execute(`SELECT id FROM people WHERE team_id = ${team.id}`)).rows.map((r) => Number(r.id));
const programsOf = (await raw.execute(`SELECT id FROM programs WHERE client_id = ${client.id}`)).rows.map((r) => Number(r.id));

const admin = (await signInAs(app, db, { tenantId, grants: [{ role: 'admin' }], name: 'Bench admin' })).headers;
const lead = (await signInAs(app, db, { tenantId, grants: [{ role: 'team_lead', teamId: Number(team.id) }], name: 'Bench lead' })).headers;

/** The same page as the API's, as one hand-written SQL statement. */
function rawPage(where: string, args: InValue[]) {
  return raw.execute({
    sql: `SELECT page.*, p.code, p.name, t.code, t.name, pr.code, pr.name, cl.code, cl.name, q.code, q.name,
            exists (SELECT 1 FROM call_transcripts ct WHERE ct.call_id = page.id) AS has_transcript
          FROM (SELECT id, started_at, direction, agent_id, program_id, queue_id, answer_seconds, talk_seconds, hold_seconds, transfers, disposition, language, recording_path
                FROM calls WHERE tenant_id = ? ${where} ORDER BY started_at DESC, id DESC LIMIT 51) page
          JOIN people p ON p.id = page.agent_id LEFT JOIN teams t ON t.id = p.team_id
          JOIN programs pr ON pr.id = page.program_id JOIN clients cl ON cl.id = pr.client_id LEFT JOIN queues q ON q.id = page.queue_id
          ORDER BY page.started_at DESC, page.id DESC`,
    args: [tenantId, ...args]
  });
}
const dayStart = (ymd: string) => Date.parse(`${ymd}T00:00:00Z`) - 3_600_000;
const cases: { name: string; query: string; who: Record<string, string>; raw: () => Promise<unknown> }[] = [
  { name: 'unfiltered (admin)', query: '', who: admin, raw: () => rawPage('', []) },
  { name: 'program', query: `program=${program.id}`, who: admin, raw: () => rawPage('AND program_id = ?', [Number(program.id)]) },
  { name: 'client', query: `client=${client.id}`, who: admin, raw: () => rawPage(`AND program_id IN (${programsOf.join(',')})`, []) },
  { name: 'team', query: `team=${team.id}`, who: admin, raw: () => rawPage(`AND agent_id IN (${teamAgents.join(',')})`, []) },
  { name: 'agent', query: `agent=${agent.id}`, who: admin, raw: () => rawPage('AND agent_id = ?', [Number(agent.id)]) },
  {
    name: `date range ${from}..${to}`,
    query: `from=${from}&to=${to}`,
    who: admin,
    raw: () => rawPage('AND started_at >= ? AND started_at < ?', [dayStart(from), dayStart(to) + 86_400_000])
  },
  {
    name: 'program + date range',
    query: `program=${program.id}&from=${from}&to=${to}`,
    who: admin,
    raw: () =>
      rawPage('AND program_id = ? AND started_at >= ? AND started_at < ?', [Number(program.id), dayStart(from), dayStart(to) + 86_400_000])
  },
  { name: 'team lead (own team only)', query: '', who: lead, raw: () => rawPage(`AND agent_id IN (${teamAgents.join(',')})`, []) }
];

const lines = [
  '| first page (50 rows) | API median | API p95 | API CPU/req | raw libsql median | raw CPU/req |',
  '|---|---:|---:|---:|---:|---:|'
];
for (const c of cases) {
  const res = await app.request(`/api/calls?${c.query}`, { headers: c.who });
  if (res.status !== 200) throw new Error(`${c.name}: ${res.status} ${await res.text()}`);
  const body = (await res.json()) as { items: unknown[]; hasMore: boolean };
  if (body.items.length !== 50 || !body.hasMore) throw new Error(`${c.name}: expected a full first page, got ${body.items.length}`);
  const api = await measure(async () => (await app.request(`/api/calls?${c.query}`, { headers: c.who })).json());
  const r = await measure(c.raw);
  lines.push(
    `| ${c.name} | ${api.median.toFixed(1)} ms | ${api.p95.toFixed(1)} ms | ${api.cpu.toFixed(1)} ms | ${r.median.toFixed(1)} ms | ${r.cpu.toFixed(1)} ms |`
  );
  console.log(lines[lines.length - 1]);
}
// What the session check alone costs on every signed-in request (better-auth session + role lookup).
const me = await measure(async () => (await app.request('/api/me', { headers: admin })).json());
const note = `session check alone (GET /api/me, signed in): median ${me.median.toFixed(1)} ms, p95 ${me.p95.toFixed(1)} ms, CPU ${me.cpu.toFixed(1)} ms/req`;
const over = lines.slice(2).filter((l) => Number(/\| ([\d.]+) ms \|/.exec(l)![1]) >= 50);
console.log(
  `\n${lines.join('\n')}\n\n${note}\ntarget: first page < 50 ms server time — ${over.length ? `MISSED in ${over.length} case(s)` : 'met in every case'}`
);
raw.close();
db.$client.close();
process.exit(over.length ? 1 : 0);
