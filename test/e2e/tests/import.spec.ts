import { expect, test } from '@playwright/test';
import { signInAsDemo } from './support/sign-in';

test('an admin uploads a CSV in skip-invalid mode and sees the counts and the bad line', async ({ page }) => {
  await signInAsDemo(page, 'admin@demo.attentive.test');
  // one click from the calls list (the header keeps to the hubs)
  await page.getByRole('navigation').getByRole('link', { name: 'Calls', exact: true }).click();
  await page.getByRole('link', { name: 'Import calls' }).click();
  await expect(page).toHaveURL(/\/calls\/import$/);
  await expect(page.getByRole('heading', { name: 'Import calls' })).toBeVisible();

  const tag = `e2e-${Date.now().toString(36)}`;
  const csv = [
    'external_id,program_code,queue_code,agent_code,direction,started_at,answer_seconds,talk_seconds,customer_ref,language',
    `${tag}-1,EN-CARE,INVOICE,AG001,inbound,2026-11-02T09:15:00+01:00,12,300,c-${tag}-1,nl`,
    `${tag}-2,EN-CARE,INVOICE,NOBODY,inbound,2026-11-02T09:20:00+01:00,8,120,c-${tag}-2,nl`,
    `${tag}-3,EN-MOVE,MOVE,AG002,outbound,2026-11-02T09:25:00+01:00,0,95,c-${tag}-3,en`
  ].join('\n');
  await page.getByTestId('csv-file').setInputFiles({ name: 'calls.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await page.getByLabel(/Skip invalid rows/).check();
  await page.getByLabel(/^Source/).fill('e2e');
  await page.getByTestId('import-submit').click();

  const result = page.getByTestId('import-result');
  await expect(result).toBeVisible();
  await expect(page.getByTestId('import-status')).toHaveText(/1 bad row skipped/);
  await expect(page.getByTestId('count-rows')).toHaveText('3');
  await expect(page.getByTestId('count-inserted')).toHaveText('2');
  await expect(page.getByTestId('count-invalid')).toHaveText('1');
  const errorRow = page.getByTestId('import-errors').locator('tbody tr');
  await expect(errorRow).toHaveCount(1);
  await expect(errorRow).toContainText('3');
  await expect(errorRow).toContainText('agent_code');
  await expect(errorRow).toContainText('unknown agent "NOBODY"');
  // The run shows up in the history, and the imported calls exist for the API.
  await expect(page.locator('table.data').last()).toContainText('Skip invalid rows');
  await page.screenshot({ path: process.env.IMPORT_SCREENSHOT ?? test.info().outputPath('import-result.png'), fullPage: true });

  // Importing the same file again adds nothing.
  await page.getByTestId('import-submit').click();
  await expect(page.getByTestId('count-unchanged')).toHaveText('2');
  await expect(page.getByTestId('count-inserted')).toHaveText('0');
});

test('a large file streams through the web server and shows progress while it imports', async ({ page }) => {
  test.setTimeout(180_000);
  await signInAsDemo(page, 'admin@demo.attentive.test');
  await page.goto('/calls/import');
  const tag = `big-${Date.now().toString(36)}`;
  const rows = 60_000; // ≈ 5 MB: ten times the web server's default body limit
  const lines = ['external_id,program_code,queue_code,agent_code,direction,started_at,talk_seconds,customer_ref'];
  for (let i = 0; i < rows; i++)
    lines.push(
      `${tag}-${i},EN-CARE,METER,AG0${String(10 + (i % 80)).padStart(2, '0')},inbound,2026-11-03T${String(8 + (i % 10)).padStart(2, '0')}:00:00Z,${60 + (i % 600)},c-${tag}-${i}`
    );
  const buffer = Buffer.from(lines.join('\n'));
  expect(buffer.length).toBeGreaterThan(4_000_000);
  await page.getByTestId('csv-file').setInputFiles({ name: 'big.csv', mimeType: 'text/csv', buffer });
  await page.getByLabel(/^Source/).fill('e2e-big');
  await page.getByTestId('import-submit').click();
  // While it runs: the progress card with the rows read so far (polled from GET /api/imports/{id}).
  await expect(page.getByTestId('import-progress')).toContainText(/rows read/);
  await expect(page.getByTestId('count-inserted')).toHaveText('60,000', { timeout: 150_000 });
  await expect(page.getByTestId('count-invalid')).toHaveText('0');
});

test('the import page is for admins only', async ({ page }) => {
  await signInAsDemo(page, 'qa@demo.attentive.test');
  await expect(page.getByRole('link', { name: 'Import calls' })).toHaveCount(0);
  const res = await page.goto('/calls/import');
  expect(res?.status()).toBe(404);
});
