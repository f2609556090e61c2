import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { freePort } from './support/free-port';

// The README's `pnpm start` (scripts/start.mjs), as a new user runs it: no ORIGIN, only PORT and a fresh
// database. The rest of the suite runs the built server with its own settings; this proves the start
// command itself gives a product one can sign in to from the printed URL.
const root = new URL('../../..', import.meta.url).pathname;

test('the start command prints a URL where the demo admin signs in', async ({ page }) => {
  test.setTimeout(120_000);
  const dir = mkdtempSync(join(tmpdir(), 'attentive-start-'));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(await freePort()),
    DATABASE_URL: `file:${join(dir, 'a.db')}`,
    RECORDINGS_DIR: join(dir, 'rec')
  };
  delete env.ORIGIN;
  const child = spawn(process.execPath, ['scripts/start.mjs'], { cwd: root, env, stdio: ['ignore', 'pipe', 'inherit'] });
  try {
    const url = await new Promise<string>((resolve, reject) => {
      let out = '';
      child.stdout!.on('data', (b: Buffer) => {
        out += b.toString();
        const m = /running at (http:\/\/\S+)/.exec(out);
        if (m) resolve(m[1]!);
      });
      child.on('exit', (code) => reject(new Error(`pnpm start exited with ${code}: ${out}`)));
    });
    await page.goto(`${url}/sign-in`, { waitUntil: 'networkidle' });
    await page.getByLabel('E-mail').fill('admin@demo.attentive.test');
    await page.getByLabel('Password').fill('attentive-demo');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page).not.toHaveURL(/\/sign-in/);
    await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
  } finally {
    child.kill('SIGTERM');
    rmSync(dir, { recursive: true, force: true });
  }
});
