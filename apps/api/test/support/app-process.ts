import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { freePort } from '@attentive/db/sqld';

/**
 * A real API server process (src/serve.ts, as `pnpm start` runs it behind the web app), for the scale-out
 * tests: several of them on one libSQL server, each its own Node process with its own memory.
 */
export type AppProcess = {
  url: string;
  port: number;
  /** fetch on this process: `path` starts with /api. */
  request: (path: string, init?: RequestInit) => Promise<Response>;
  /** What it printed so far (stdout and stderr). */
  output: () => string;
  /** Stops it (SIGTERM) and waits for the exit. */
  stop: () => Promise<void>;
  /** Kills it at once (SIGKILL): a crashed process. */
  kill: () => Promise<void>;
};

const SERVE = fileURLToPath(new URL('../../src/serve.ts', import.meta.url));
const API_DIR = fileURLToPath(new URL('../..', import.meta.url));

/**
 * The public origin every process is configured with, as behind one reverse proxy; the test helpers send it
 * as Origin (the CSRF guard), so their session headers work on every process.
 */
export const PROCESS_ORIGIN = 'http://localhost';

/** The secret every test process shares (as every process behind one proxy must). */
export const PROCESS_AUTH_SECRET = 'scale-out-test-secret-scale-out-test-secret';

/** What every test process of the API gets: a clean environment, production mode, the shared secret, plus `extra`. */
export const processEnv = (extra: Record<string, string>): NodeJS.ProcessEnv => ({
  PATH: process.env.PATH,
  HOME: process.env.HOME,
  NODE_ENV: 'production',
  AUTH_SECRET: PROCESS_AUTH_SECRET,
  ...extra
});

/** Starts one API process on `databaseUrl` and waits until /api/health answers. `env` adds or overrides variables. */
export async function startAppProcess(databaseUrl: string, env: Record<string, string> = {}): Promise<AppProcess> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  let out = '';
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', SERVE], {
    cwd: API_DIR,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: processEnv({
      HOST: '127.0.0.1',
      PORT: String(port),
      ORIGIN: PROCESS_ORIGIN,
      DATABASE_URL: databaseUrl,
      LOG_LEVEL: 'warn',
      DEMO_DATA: 'false',
      ...env
    })
  });
  const keep = (b: Buffer) => {
    out = (out + b.toString()).slice(-20_000);
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  const exited = () => new Promise<void>((r) => (child.exitCode != null || child.signalCode != null ? r() : child.once('exit', () => r())));
  const until = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode != null) throw new Error(`API process exited with ${child.exitCode} at start:\n${out}`);
    try {
      if ((await fetch(`${url}/api/health`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > until) {
      child.kill('SIGKILL');
      throw new Error(`API process did not answer on ${url} within 30 s:\n${out}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  return {
    url,
    port,
    request: (path, init) => fetch(url + path, init),
    output: () => out,
    stop: async () => {
      if (child.exitCode == null && child.signalCode == null) child.kill('SIGTERM');
      await exited();
    },
    kill: async () => {
      child.kill('SIGKILL');
      await exited();
    }
  };
}

/** The shape the test helpers (signInAs, …) take: app.request on a process. */
export const requestable = (p: AppProcess) => ({ request: (path: string, init?: RequestInit) => p.request(path, init) });
