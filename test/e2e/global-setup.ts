import { randomBytes } from 'node:crypto';
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { startMailSink } from './mail-sink';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { createClient } from '@libsql/client';
import { join } from 'node:path';

const root = new URL('../..', import.meta.url).pathname;

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

/** How many servers (and Playwright workers) the run has: each worker drives its own server and database. */
export const SLOTS = Number(process.env.E2E_WORKERS ?? 2);

/**
 * Starts the real built server on a temp database with the demo data, once per worker slot: the demo is seeded
 * once and copied (VACUUM INTO), so every slot starts from the same data and no spec sees another worker's
 * writes. Each slot has its own mail sink. The worker picks its slot's URLs in playwright.config.ts.
 */
export default async function globalSetup() {
  const dir = mkdtempSync(join(tmpdir(), 'attentive-e2e-'));
  const base = {
    ...process.env,
    HOST: '127.0.0.1',
    NODE_ENV: 'production',
    // The suite signs in dozens of times from one address within two minutes.
    SIGN_IN_LIMIT_PER_MINUTE: '1000',
    // as scripts/start.mjs: the API limits bodies itself (streamed CSV imports have no fixed limit)
    BODY_SIZE_LIMIT: 'Infinity',
    // customer contact details are sealed with this run's own key (as scripts/start.mjs makes one)
    CONTACT_DATA_KEY: randomBytes(32).toString('base64'),
    MAIL_FROM: 'Attentive e2e <surveys@attentive.test>'
  };
  const seeded = join(dir, 'e2e-0.db');
  const prep = spawnSync('pnpm', ['--silent', 'exec', 'tsx', 'apps/api/src/cli/prepare.ts'], {
    cwd: root,
    env: { ...base, DATABASE_URL: `file:${seeded}`, RECORDINGS_DIR: join(dir, 'recordings-0') },
    stdio: 'inherit'
  });
  if (prep.status !== 0) throw new Error('preparing the e2e database failed');
  const copier = createClient({ url: `file:${seeded}` });
  for (let slot = 1; slot < SLOTS; slot++) {
    await copier.execute(`VACUUM INTO '${join(dir, `e2e-${slot}.db`)}'`);
    cpSync(join(dir, 'recordings-0'), join(dir, `recordings-${slot}`), { recursive: true });
  }
  copier.close();

  const stops: (() => Promise<void>)[] = [];
  await Promise.all(
    Array.from({ length: SLOTS }, async (_, slot) => {
      const port = await freePort();
      // Survey invitations really travel over SMTP: a real SMTP server on localhost; specs read E2E_MAIL_DIR.
      const mailDir = join(dir, `mail-${slot}`);
      mkdirSync(mailDir);
      const sink = await startMailSink(mailDir);
      const env = {
        ...base,
        PORT: String(port),
        DATABASE_URL: `file:${join(dir, `e2e-${slot}.db`)}`,
        RECORDINGS_DIR: join(dir, `recordings-${slot}`),
        ORIGIN: `http://127.0.0.1:${port}`,
        SMTP_URL: sink.url
      };
      const server = spawn(
        process.execPath,
        [join(root, 'apps/web', process.env.ATTENTIVE_BUILD_ID ? `build-${process.env.ATTENTIVE_BUILD_ID}` : 'build', 'index.js')],
        { env, stdio: ['ignore', 'ignore', 'inherit'] }
      );
      stops.push(async () => {
        server.kill('SIGTERM');
        await sink.close();
      });
      const url = `http://127.0.0.1:${port}`;
      for (let i = 0; ; i++) {
        try {
          if ((await fetch(`${url}/api/health`)).ok) break;
        } catch {
          // not up yet
        }
        if (i > 300) throw new Error('e2e server did not start');
        await new Promise((r) => setTimeout(r, 100));
      }
      process.env[`E2E_BASE_URL_${slot}`] = url;
      process.env[`E2E_DATABASE_URL_${slot}`] = env.DATABASE_URL;
      process.env[`E2E_MAIL_DIR_${slot}`] = mailDir;
    })
  );
  return async () => {
    await Promise.all(stops.map((stop) => stop()));
    rmSync(dir, { recursive: true, force: true });
  };
}
