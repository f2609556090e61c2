#!/usr/bin/env node
// `pnpm start`: prepare the database (migrations, demo data on first start), build the web app if
// its sources are newer than the build, then run the one-process server and print its URL.
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { webBuild } from './web-build.mjs';

const root = new URL('..', import.meta.url).pathname;
const dev = process.argv.includes('--dev');
const run = (cmd, args, opts = {}) => {
  const r = spawnSync(cmd, args, { stdio: 'inherit', cwd: root, ...opts });
  if (r.status !== 0) process.exit(r.status ?? 1);
};

// Customer contact details are encrypted with a key from the environment (CONTACT_DATA_KEY). On a machine
// that sets none, the key is made once and kept in data/contact-data.key (readable by this user only), outside
// the database: a copy of the database alone reveals no phone number. Production sets its own key.
if (!process.env.CONTACT_DATA_KEY) {
  const file = join(root, 'data', 'contact-data.key');
  if (!existsSync(file)) {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, randomBytes(32).toString('base64') + '\n', { mode: 0o600, flag: 'wx' });
  }
  process.env.CONTACT_DATA_KEY = readFileSync(file, 'utf8').trim();
}

// Validates the environment (a bad value stops here, naming the variable), migrates, seeds.
run('pnpm', ['--silent', 'exec', 'tsx', 'apps/api/src/cli/prepare.ts'], { env: process.env, cwd: root });

if (dev) {
  run('pnpm', ['--filter', '@attentive/web', 'dev', '--port', process.env.PORT ?? '3000']);
  process.exit(0);
}

const { entry, stale } = webBuild(root);
if (stale) {
  console.log('Building the web app…');
  run('pnpm', ['--filter', '@attentive/web', 'build'], { stdio: ['inherit', 'ignore', 'inherit'] });
}

const port = process.env.PORT ?? '3000';
// ORIGIN (README: default http://localhost:$PORT) is passed on explicitly: without it adapter-node takes
// the origin to be https://<host>, and SvelteKit refuses every form post (sign-in) from http://localhost.
const origin = process.env.ORIGIN ?? `http://localhost:${port}`;
const server = spawn(process.execPath, [entry], {
  stdio: ['inherit', 'ignore', 'inherit'],
  env: { ...process.env, PORT: port, ORIGIN: origin, BODY_SIZE_LIMIT: process.env.BODY_SIZE_LIMIT ?? 'Infinity' }
});
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => server.kill(sig));
server.on('exit', (code) => process.exit(code ?? 0));

// Print the URL once the server answers.
const url = origin;
for (let i = 0; i < 300; i++) {
  try {
    const res = await fetch(`${url}/api/health`);
    if (res.ok) {
      console.log(`\n  Attentive is running at ${url}\n  API reference: ${url}/api/docs\n  (Ctrl+C to stop)\n`);
      break;
    }
  } catch {
    // not up yet
  }
  await new Promise((r) => setTimeout(r, 100));
}
