import type { Page } from '@playwright/test';

/** The password of every demo account (packages/db/src/demo/accounts.ts, README "Demo accounts"). */
export const DEMO_PASSWORD = 'attentive-demo';

/** Signs in through the real sign-in page as a demo user, e.g. admin@demo.attentive.test. */
export async function signInAsDemo(page: Page, email: string) {
  await page.goto('/sign-in');
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('Password').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((u) => !u.pathname.startsWith('/sign-in'));
}
