import { randomBytes } from 'node:crypto';
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { startMailSink } from './mail-sink';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
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

/** Starts the real built server on a temp database with the demo data, once for the whole run. */
export default async function globalSetup() {
  const dir = mkdtempSync(join(tmpdir(), 'attentive-e2e-'));
  const port = await freePort();
  // Survey invitations really travel over SMTP: a real SMTP server on localhost; specs read E2E_MAIL_DIR.
  const mailDir = join(dir, 'mail');
  mkdirSync(mailDir);
  const sink = await startMailSink(mailDir);
  const env = {
    ...process.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    DATABASE_URL: `file:${join(dir, 'e2e.db')}`,
    RECORDINGS_DIR: join(dir, 'recordings'),
    NODE_ENV: 'production',
    // The suite signs in dozens of times from one address within two minutes.
    SIGN_IN_LIMIT_PER_MINUTE: '1000',
    ORIGIN: `http://127.0.0.1:${port}`,
    // as scripts/start.mjs: the API limits bodies itself (streamed CSV imports have no fixed limit)
    BODY_SIZE_LIMIT: 'Infinity',
    // customer contact details are sealed with this run's own key (as scripts/start.mjs makes one)
    CONTACT_DATA_KEY: randomBytes(32).toString('base64'),
    SMTP_URL: sink.url,
    MAIL_FROM: 'Attentive e2e <surveys@attentive.test>'
  };
  const prep = spawnSync('pnpm', ['--silent', 'exec', 'tsx', 'apps/api/src/cli/prepare.ts'], { cwd: root, env, stdio: 'inherit' });
  if (prep.status !== 0) throw new Error('preparing the e2e database failed');
  const server = spawn(
    process.execPath,
    [join(root, 'apps/web', process.env.ATTENTIVE_BUILD_ID ? `build-${process.env.ATTENTIVE_BUILD_ID}` : 'build', 'index.js')],
    { env, stdio: ['ignore', 'ignore', 'inherit'] }
  );
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; ; i++) {
    try {
      if ((await fetch(`${base}/api/health`)).ok) break;
    } catch {
      // not up yet
    }
    if (i > 300) throw new Error('e2e server did not start');
    await new Promise((r) => setTimeout(r, 100));
  }
  process.env.E2E_BASE_URL = base;
  process.env.E2E_DATABASE_URL = env.DATABASE_URL;
  process.env.E2E_MAIL_DIR = mailDir;
  return async () => {
    server.kill('SIGTERM');
    await sink.close();
    rmSync(dir, { recursive: true, force: true });
  };
}
