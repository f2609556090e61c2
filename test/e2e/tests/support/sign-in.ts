import { expect, type Page } from '@playwright/test';

/** The password of every demo account (packages/db/src/demo/accounts.ts, README "Demo accounts"). */
export const DEMO_PASSWORD = 'attentive-demo';

/** Signs in through the real sign-in page as a demo user, e.g. admin@demo.attentive.test. */
export async function signInAsDemo(page: Page, email: string) {
  // Wait for hydration: a field filled before it would be reset by the page's own state.
  await page.goto('/sign-in', { waitUntil: 'networkidle' });
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('Password').fill(DEMO_PASSWORD);
  await expectValue(page, 'E-mail', email);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((u) => !u.pathname.startsWith('/sign-in'));
}

async function expectValue(page: Page, label: string, value: string) {
  await expect(page.getByLabel(label)).toHaveValue(value);
}
