/**
 * Under load (issue 10): many concurrent clients on the calls list while a probe watches /api/health.
 *
 * Starts the real one-process server (apps/web/build/index.js, as `pnpm start` does) on a ~260,000-call
 * database, signs in as the demo team lead tl01, then per phase opens N keep-alive connections on loopback
 * that each request `GET /api/calls?limit=50` back to back for a fixed time, while a separate connection
 * asks `/api/health` every 100 ms. Reports timeouts (10 s), list latency p50/p99, throughput and the
 * slowest health answer. Phases, each opening its connections at once (a burst), after a 3 s warm-up:
 * 20 connections (baseline), then 200. Bounded: every phase ends after
 * BENCH_LOAD_SECONDS and every request after 10 s; the server is stopped at the end.
 *
 * Run: pnpm bench load
 *   BENCH_LOAD_DB=/path.db       database file (built with gen:scale when missing or of another size)
 *   BENCH_LOAD_SECONDS=25        length of each phase
 *   BENCH_LOAD_PHASES=20,200     connection counts
 *   BENCH_LOAD_PROFILE=/dir      run the server with --cpu-prof into that folder
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { createServer } from 'node:net';
import { cpus, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { createClient } from '@libsql/client';
import { webBuild } from '../../scripts/web-build.mjs';

const root = new URL('../..', import.meta.url).pathname;
const DB = process.env.BENCH_LOAD_DB ?? '/tmp/attentive-load-260k.db';
const CALLS = 260_000;
const SECONDS = Number(process.env.BENCH_LOAD_SECONDS ?? 25);
const PHASES = (process.env.BENCH_LOAD_PHASES ?? '20,200').split(',').map(Number);
const TIMEOUT_MS = 10_000;
const WARM_UP_SECONDS = 3;
const PROBE_EVERY_MS = 100;
const LEAD = { email: 'tl01@demo.attentive.test', password: 'attentive-demo' };
const PATH = '/api/calls?limit=50';

async function ensureDatabase() {
  if (existsSync(DB)) {
    const c = createClient({ url: `file:${DB}` });
    try {
      if (Number((await c.execute('SELECT count(*) FROM calls')).rows[0]![0]) === CALLS) return;
    } catch {
      // not a usable database: rebuild it
    } finally {
      c.close();
    }
  }
  console.log(`generating ${DB} (${CALLS.toLocaleString('en')} calls, 90 agents in 8 teams, demo accounts)…`);
  const r = spawnSync(
    'pnpm',
    ['--silent', '--filter', '@attentive/db', 'gen:scale', '--calls', String(CALLS), '--agents', '90', '--out', DB],
    { cwd: root, stdio: 'inherit' }
  );
  if (r.status !== 0) throw new Error('generating the database failed');
}

/** The production build, rebuilt when a source is newer (as scripts/start.mjs does). */
function ensureBuild() {
  const { entry, stale } = webBuild(root);
  if (stale) {
    console.log('building the web app…');
    const r = spawnSync('pnpm', ['--filter', '@attentive/web', 'build'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
    if (r.status !== 0) throw new Error('building the web app failed');
  }
  return entry;
}

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });

/** CPU seconds (user + system) a process has used so far, from /proc (Linux). */
function cpuSecondsOf(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8')
    .replace(/^.*\) /, '')
    .split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100; // utime, stime in clock ticks (USER_HZ = 100)
}

type Answer = { status: number; ms: number; start: number; timedOut: boolean; error?: string };

/** One GET on the given agent; never longer than TIMEOUT_MS (then the socket is destroyed). */
function get(agent: Agent, port: number, path: string, headers: Record<string, string>): Promise<Answer> {
  const t0 = performance.now();
  return new Promise((resolve) => {
    let settled = false;
    const done = (a: Omit<Answer, 'ms' | 'start'>) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve({ ...a, start: t0, ms: performance.now() - t0 });
    };
    const req = request({ host: '127.0.0.1', port, path, agent, headers }, (res) => {
      res.on('data', () => {});
      res.on('end', () => done({ status: res.statusCode ?? 0, timedOut: false }));
      res.on('error', (e) => done({ status: 0, timedOut: false, error: e.message }));
    });
    const timer = setTimeout(() => {
      done({ status: 0, timedOut: true });
      req.destroy();
    }, TIMEOUT_MS);
    req.on('error', (e) => done({ status: 0, timedOut: false, error: e.message }));
    req.end();
  });
}

const pct = (sorted: number[], p: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))]! : NaN);

async function phase(port: number, serverPid: number, cookie: string, connections: number, seconds = SECONDS) {
  const listAgent = new Agent({ keepAlive: true, maxSockets: connections });
  const probeAgent = new Agent({ keepAlive: true, maxSockets: 1 });
  const headers = { cookie, accept: 'application/json' };
  const end = performance.now() + seconds * 1000;
  const list: Answer[] = [];
  const probes: Answer[] = [];
  const cpu0 = process.cpuUsage();
  const server0 = cpuSecondsOf(serverPid);
  const t0 = performance.now();

  const worker = async () => {
    while (performance.now() < end) list.push(await get(listAgent, port, PATH, headers));
  };
  const probe = async () => {
    while (performance.now() < end) {
      const a = await get(probeAgent, port, '/api/health', {});
      probes.push(a);
      await new Promise((r) => setTimeout(r, Math.max(0, PROBE_EVERY_MS - a.ms)));
    }
  };
  await Promise.all([probe(), ...Array.from({ length: connections }, worker)]);
  const wall = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  const serverCpu = cpuSecondsOf(serverPid) - server0;
  listAgent.destroy();
  probeAgent.destroy();

  const ok = list.filter((a) => a.status === 200);
  const lat = ok.map((a) => a.ms).sort((a, b) => a - b);
  const probeMs = probes.map((a) => a.ms);
  const worstProbeAt = probeMs.indexOf(Math.max(...probeMs));
  return {
    connections,
    requests: list.length,
    ok: ok.length,
    timeouts: list.filter((a) => a.timedOut).length,
    errors: list.filter((a) => !a.timedOut && a.status !== 200).length,
    errorSample: list.find((a) => !a.timedOut && a.status !== 200),
    p50: pct(lat, 0.5),
    p99: pct(lat, 0.99),
    max: lat[lat.length - 1] ?? NaN,
    rps: ok.length / wall,
    probes: probes.length,
    probeMax: Math.max(...probeMs),
    probeMaxAt: probes.length ? (probes[worstProbeAt]!.start - t0) / 1000 : NaN,
    probeP99: pct(
      [...probeMs].sort((a, b) => a - b),
      0.99
    ),
    probeFailures: probes.filter((a) => a.status !== 200).length,
    clientCpu: (cpu.user + cpu.system) / 1e6 / wall,
    serverCpu: serverCpu / wall,
    serverCpuPerRequest: (1000 * serverCpu) / Math.max(1, list.length + probes.length),
    timeoutsStartedAt: list.filter((a) => a.timedOut).map((a) => ((a.start - t0) / 1000).toFixed(1)),
    slowestStartedAt: [...ok]
      .sort((a, b) => b.ms - a.ms)
      .slice(0, Math.ceil(ok.length / 100))
      .map((a) => ((a.start - t0) / 1000).toFixed(1))
  };
}

async function signIn(base: string) {
  const res = await fetch(`${base}/api/auth/sign-in/email`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: base },
    body: JSON.stringify(LEAD)
  });
  if (res.status !== 200) throw new Error(`sign-in as ${LEAD.email}: ${res.status} ${await res.text()}`);
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0]!)
    .join('; ');
  const check = await fetch(`${base}${PATH}`, { headers: { cookie } });
  const body = (await check.json()) as { items?: unknown[] };
  if (check.status !== 200 || body.items?.length !== 50)
    throw new Error(`the lead's first page: ${check.status} ${JSON.stringify(body).slice(0, 200)}`);
  return cookie;
}

async function main() {
  await ensureDatabase();
  const entry = ensureBuild();
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const env = {
    ...process.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    ORIGIN: base,
    DATABASE_URL: `file:${DB}`,
    NODE_ENV: 'production',
    BODY_SIZE_LIMIT: 'Infinity'
  };
  // Migrations (a reused file may predate newer ones), as `pnpm start` does before the server starts.
  const prep = spawnSync('pnpm', ['--silent', 'exec', 'tsx', 'apps/api/src/cli/prepare.ts'], { cwd: root, env, stdio: 'inherit' });
  if (prep.status !== 0) throw new Error('preparing the database failed');
  const prof = process.env.BENCH_LOAD_PROFILE;
  const server: ChildProcess = spawn(process.execPath, [...(prof ? ['--cpu-prof', `--cpu-prof-dir=${prof}`] : []), entry], {
    env,
    stdio: ['ignore', 'ignore', 'inherit']
  });
  const stop = () => server.exitCode == null && server.kill('SIGINT');
  process.on('exit', stop);
  try {
    for (let i = 0; ; i++) {
      try {
        if ((await fetch(`${base}/api/health`)).ok) break;
      } catch {
        // not up yet
      }
      if (i > 300) throw new Error('the server did not start');
      await new Promise((r) => setTimeout(r, 100));
    }
    const cookie = await signIn(base);
    console.log(
      `server ${entry} on ${base}, ${DB}, signed in as ${LEAD.email}; ${SECONDS} s per phase; load average before: ${loadavg()
        .map((x) => x.toFixed(2))
        .join(' ')} on ${cpus().length} cores`
    );
    // Warm-up (not reported): a freshly started server compiles its hot paths during its first seconds.
    await phase(port, server.pid!, cookie, 20, WARM_UP_SECONDS);
    await new Promise((res) => setTimeout(res, 2000));
    const rows = [
      '| connections | requests | timeouts (10 s) | other errors | list p50 | list p99 | list max | list req/s | health max (sent at s) | health p99 | server CPU/req |',
      '|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|'
    ];
    const verdicts: string[] = [];
    for (const n of PHASES) {
      const r = await phase(port, server.pid!, cookie, n);
      const met = (ok: boolean) => (ok ? 'met' : 'MISSED');
      verdicts.push(
        `${n} connections: 0 timeouts ${met(r.timeouts === 0)}, list p99 < 1 s ${met(r.p99 < 1000)}, health < 100 ms throughout ${met(r.probeMax < 100)}`
      );
      rows.push(
        `| ${n} | ${r.requests} | ${r.timeouts} (${((100 * r.timeouts) / Math.max(1, r.requests)).toFixed(1)}%) | ${r.errors} | ${r.p50.toFixed(0)} ms | ${r.p99.toFixed(0)} ms | ${r.max.toFixed(0)} ms | ${r.rps.toFixed(0)} | ${r.probeMax.toFixed(0)} ms (${r.probeMaxAt.toFixed(1)}) | ${r.probeP99.toFixed(0)} ms | ${r.serverCpuPerRequest.toFixed(2)} ms |`
      );
      console.log(
        rows[rows.length - 1],
        `probes ${r.probes} (${r.probeFailures} failed), server CPU ${(100 * r.serverCpu).toFixed(0)}% of a core, load generator ${(100 * r.clientCpu).toFixed(0)}%, load average ${loadavg()[0]!.toFixed(2)}`
      );
      if (r.errorSample) console.log('  first error:', r.errorSample);
      console.log(
        `  the slowest 1% of list requests were sent at (s into the phase): ${[...new Set(r.slowestStartedAt)].sort((a, b) => Number(a) - Number(b)).join(' ')}`
      );
      if (r.timeoutsStartedAt.length)
        console.log(`  timed-out requests were sent at (s into the phase): ${[...new Set(r.timeoutsStartedAt)].join(' ')}`);
      await new Promise((res) => setTimeout(res, 2000)); // let the server settle between phases
    }
    console.log(`\n${rows.join('\n')}\n\ntargets — ${verdicts.join('; ')}`);
  } finally {
    stop();
    await new Promise((r) => (server.exitCode != null ? r(null) : server.once('exit', r)));
  }
}

await main();
