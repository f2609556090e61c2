import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { freePort } from './support/free-port';
import { DEMO_PASSWORD } from './support/sign-in';

// The README's scale-out recipe as an operator follows it: `pnpm sqld`, then two `pnpm start` processes on
// that server, started at the same moment with the same secrets (one seeds the demo, the other waits). A team
// lead signs in on one process and works on the other; signing out on the second signs out the first.
// Browsers send localhost cookies to every port, as they would to one host behind a proxy.
const root = new URL('../../..', import.meta.url).pathname;

/** Runs `node script args` in the repository and resolves with the first match of `ready` in its output. */
function startScript(script: string, args: string[], env: NodeJS.ProcessEnv, ready: RegExp, children: ChildProcess[]) {
  const child = spawn(process.execPath, [script, ...args], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  return new Promise<string>((resolve, reject) => {
    let out = '';
    const read = (b: Buffer) => {
      out += b.toString();
      const m = ready.exec(out);
      if (m) resolve(m[1]!);
    };
    child.stdout!.on('data', read);
    child.stderr!.on('data', (b: Buffer) => (out += b.toString()));
    child.on('exit', (code) => reject(new Error(`${script} exited with ${code}: ${out}`)));
  });
}

test('two `pnpm start` processes on one `pnpm sqld`: a session made on one works on the other, and signing out on either ends it', async ({
  page
}) => {
  test.setTimeout(240_000);
  const dir = mkdtempSync(join(tmpdir(), 'attentive-scale-out-'));
  const children: ChildProcess[] = [];
  try {
    const sqldPort = await freePort();
    const databaseUrl = await startScript(
      'scripts/sqld.mjs',
      ['--port', String(sqldPort), '--grpc-port', String(await freePort()), '--data', join(dir, 'sqld')],
      process.env,
      /DATABASE_URL=(ws:\/\/\S+)/,
      children
    );
    const shared: NodeJS.ProcessEnv = {
      ...process.env,
      DATABASE_URL: databaseUrl,
      AUTH_SECRET: randomBytes(32).toString('hex'),
      CONTACT_DATA_KEY: randomBytes(32).toString('base64'),
      RECORDINGS_DIR: join(dir, 'recordings')
    };
    delete shared.ORIGIN;
    const [portA, portB] = [await freePort(), await freePort()];
    const [a, b] = await Promise.all(
      [portA, portB].map((port) =>
        startScript('scripts/start.mjs', [], { ...shared, PORT: String(port) }, /running at (http:\/\/\S+)/, children)
      )
    );

    // Signed in on A…
    await page.goto(`${a}/sign-in`, { waitUntil: 'networkidle' });
    await page.getByLabel('E-mail').fill('tl01@demo.attentive.test');
    await page.getByLabel('Password').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL((u) => !u.pathname.startsWith('/sign-in'));

    // …works on B: the calls of the lead's team, served by the other process.
    await page.goto(`${b}/calls`);
    await expect(page).toHaveURL(/\/calls/);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(page.getByRole('table').getByRole('row').nth(1)).toBeVisible();

    // Signed out on B: A's very next page asks for a sign-in.
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL(/\/sign-in/);
    await page.goto(`${a}/calls`);
    await expect(page).toHaveURL(/\/sign-in/);
  } finally {
    for (const c of children.reverse()) c.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 500));
    rmSync(dir, { recursive: true, force: true });
  }
});
