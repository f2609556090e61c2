import { expect, test } from '@playwright/test';
import { DEMO_PASSWORD } from './support/sign-in';

// A browser that asks for Dutch (Accept-Language: nl-NL, nl). tl03 is used by no other test: its saved language stays ours.
test.use({ locale: 'nl-NL' });

test('the screens follow the browser into Dutch, and the switcher saves English on the person', async ({ page, baseURL }) => {
  await page.goto('/sign-in', { waitUntil: 'networkidle' });
  await expect(page.locator('html')).toHaveAttribute('lang', 'nl');
  await page.getByLabel('E-mailadres').fill('tl03@demo.attentive.test');
  await page.getByLabel('Wachtwoord').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Inloggen' }).click();
  await page.waitForURL((u) => !u.pathname.startsWith('/sign-in'));

  await expect(page.locator('html')).toHaveAttribute('lang', 'nl');
  await expect(page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Werkvoorraad' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Afmelden' })).toBeVisible();

  // Switch: same address, now English, and it is the person's setting (it wins over the browser's Dutch).
  const address = new URL(page.url()).pathname;
  await page.getByLabel('Taal').selectOption('en');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  expect(new URL(page.url()).pathname).toBe(address);
  await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Work' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
  await page.goto('/calls');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  const me = await (await page.request.get('/api/me')).json();
  expect(me).toMatchObject({ locale: 'en', defaultLanguage: 'nl', timeZone: 'Europe/Amsterdam' });

  // Back to "no choice" (and no signed-out choice in the cookie): the browser's Dutch again.
  const origin = { origin: new URL(baseURL!).origin };
  expect((await page.request.put('/api/me/preferences', { headers: origin, data: { locale: null } })).status()).toBe(200);
  await page.context().clearCookies({ name: 'attentive_locale' });
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('lang', 'nl');
});

test("an admin sees and saves the contact center's time zone and default language", async ({ page }) => {
  await page.goto('/sign-in', { waitUntil: 'networkidle' });
  await page.getByLabel('E-mailadres').fill('admin@demo.attentive.test');
  await page.getByLabel('Wachtwoord').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Inloggen' }).click();
  await page.waitForURL((u) => !u.pathname.startsWith('/sign-in'));
  await page.goto('/admin/settings');
  await expect(page.getByRole('heading', { name: 'Instellingen van het contactcenter' })).toBeVisible();
  await expect(page.getByLabel('Tijdzone')).toHaveValue('Europe/Amsterdam');
  await expect(page.getByLabel('Standaardtaal')).toHaveValue('nl');
  await page.getByRole('button', { name: 'Instellingen opslaan' }).click();
  await expect(page.getByRole('status')).toHaveText('Instellingen opgeslagen.');
});
