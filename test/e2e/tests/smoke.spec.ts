import { expect, test } from '@playwright/test';

test('the home page and the API reference load', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Attentive' })).toBeVisible();
  const health = await page.request.get('/api/health');
  expect(await health.json()).toMatchObject({ status: 'ok' });
});
