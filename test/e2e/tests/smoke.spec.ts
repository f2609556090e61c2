import { expect, test } from '@playwright/test';

test('the home page and the API reference load', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Attentive' })).toBeVisible();
  const health = await page.request.get('/api/health');
  expect(await health.json()).toMatchObject({ status: 'ok' });

  // The reference renders under its own Content-Security-Policy, with no violation.
  const violations: string[] = [];
  page.on('console', (m) => {
    if (/Content Security Policy|Refused to/i.test(m.text())) violations.push(m.text());
  });
  const res = await page.goto('/api/docs');
  expect(res?.headers()['content-security-policy']).toMatch(/script-src 'self' 'sha256-/);
  await expect(page.getByText('/api/sampling/runs/{id}/verify').first()).toBeAttached({ timeout: 20_000 });
  await expect(page.getByRole('heading', { name: 'Attentive API' }).first()).toBeVisible();
  expect(violations).toEqual([]);
  await page.screenshot({ path: 'test-results/api-reference.png' });
});
