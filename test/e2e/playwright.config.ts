import { defineConfig, devices } from '@playwright/test';

// Each worker drives its own server and database (global-setup.ts starts one per slot): a worker takes its
// slot's URLs under the names the specs read. Playwright loads this file in every worker, with the worker's
// TEST_PARALLEL_INDEX set, after the global setup has put the slots' URLs in the environment.
const slot = process.env.TEST_PARALLEL_INDEX;
if (slot !== undefined && process.env[`E2E_BASE_URL_${slot}`])
  for (const name of ['E2E_BASE_URL', 'E2E_DATABASE_URL', 'E2E_MAIL_DIR']) process.env[name] = process.env[`${name}_${slot}`];

// Debian's chromium: Playwright's own browser download does not work on our machines.
export default defineConfig({
  testDir: './tests',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: Number(process.env.E2E_WORKERS ?? 2),
  reporter: [['list']],
  globalSetup: './global-setup.ts',
  use: {
    baseURL: process.env.E2E_BASE_URL,
    trace: 'off',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-quic',
        '--autoplay-policy=no-user-gesture-required'
      ]
    }
  },
  projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'], channel: undefined } }]
});
