import { readFile } from 'node:fs/promises';
import { createClient } from '@libsql/client';
import { expect, test } from '@playwright/test';
import { extractText } from 'unpdf';
import { signInAsDemo } from './support/sign-in';
import { monthsBack } from './support/months';

/**
 * Issue 17's journey in one go, as the energy client's auditor: signs in, reads last month in the portal, opens
 * an evaluation of its program, downloads the month's contract report as PDF (a valid PDF whose text carries the
 * page's figures), starts a blind re-score and scores its one call. The parts are tested in depth by
 * client-portal, client-reports and client-rescore.spec; this spec proves they join up.
 * The re-score draws from one day of EN-MOVE with few evaluations, so it draws exactly one call: once scored,
 * nothing stays sealed for the specs after this one.
 */
const AUDITOR = 'auditor.energy@demo.attentive.test';

test('a client auditor reads the month, opens an evaluation, downloads the PDF report, and re-scores a call blind', async ({ page }) => {
  const month = monthsBack(1);
  // A day of EN-MOVE with 1–20 submitted counting evaluations (5% of it is one call), on the Amsterdam clock.
  const db = createClient({ url: process.env.E2E_DATABASE_URL! });
  const day = (
    await db.execute(`SELECT date(e.submitted_at / 1000, 'unixepoch', '+1 hour') AS day, count(*) AS n
      FROM evaluations e JOIN programs p ON p.id = e.program_id
      WHERE p.code = 'EN-MOVE' AND e.status = 'submitted' AND e.kind IN ('sampled', 'live')
        AND date(e.submitted_at / 1000, 'unixepoch', '+1 hour') < date('now', '-1 day')
      GROUP BY 1 HAVING n BETWEEN 1 AND 20 ORDER BY 1 DESC LIMIT 1`)
  ).rows[0];
  db.close();
  expect(day, 'the demo has a day of EN-MOVE evaluations').toBeTruthy();

  // 1. Sign in and read last month.
  await signInAsDemo(page, AUDITOR);
  await page.goto(`/client?month=${month}`, { waitUntil: 'networkidle' });
  const figures = page.getByTestId('figures-EN-CARE');
  await expect(figures.getByRole('row').filter({ hasText: 'QA score' })).toContainText(/\d+(?:[.,]\d)? .*–.*n = \d+/);

  // 2. Open an evaluation of the program.
  await page.getByRole('link', { name: 'Teams and sample runs' }).first().click();
  await page.waitForURL(/\/client\/programs\/\d+/);
  await page.getByRole('link', { name: /Evaluations of this program/ }).click();
  await page.waitForURL(/\/evaluations\?programId=\d+/);
  await page.locator('tbody a[href^="/evaluations/"]').first().click();
  await page.waitForURL(/\/evaluations\/\d+$/);
  await expect(page.getByTestId('status')).toBeVisible();

  // 3. The month's contract report, and its PDF.
  await page.goto(`/client?month=${month}`, { waitUntil: 'networkidle' });
  await page.getByRole('link', { name: 'Monthly contract report' }).first().click();
  await page.waitForURL(new RegExp(`/client/reports/\\d+/${month}$`));
  const measured = (await page.locator('[data-testid="report-targets"] [data-testid="measured"]').first().innerText()).trim();
  expect(measured).toMatch(/\d/);
  const [pdf] = await Promise.all([page.waitForEvent('download'), page.getByTestId('report-pdf-en').click()]);
  const bytes = new Uint8Array(await readFile((await pdf.path())!));
  expect(new TextDecoder().decode(bytes.subarray(0, 5))).toBe('%PDF-');
  const text = (await extractText(bytes, { mergePages: true })).text.replace(/\s+/g, ' ');
  expect(text).toContain(month);
  expect(text).toContain(measured);

  // 4. A blind re-score of one call, scored and submitted.
  await page.goto('/client/rescores', { waitUntil: 'networkidle' });
  const option = page.locator('[data-testid="program"] option', { hasText: 'EN-MOVE' });
  await page.getByTestId('program').selectOption((await option.getAttribute('value'))!);
  await page.getByTestId('from').fill(String(day!.day));
  await page.getByTestId('to').fill(String(day!.day));
  await page.getByTestId('share').fill('5');
  await page.getByTestId('request').click();
  await page.waitForURL(/\/client\/rescores\/\d+$/);
  await expect(page.getByTestId('progress')).toHaveText('0 of 1');
  await page.getByTestId('item-link').first().click();
  await page.waitForURL(/\/items\/\d+$/);
  await expect(page.getByTestId('both-scores')).toHaveCount(0);
  const items = page.locator('[data-testid="scorecard"] [data-index]');
  const count = await items.count();
  for (let i = 0; i < count; i++) {
    await items.nth(i).locator('[role="radio"]').first().click();
    await expect(items.nth(i)).toHaveClass(/answered/);
  }
  await expect(page.getByTestId('save-state')).toContainText('saved');
  await page.keyboard.press('Control+Enter');
  await expect(page.getByTestId('both-scores')).toBeFocused();
  await expect(page.getByTestId('score-state')).toHaveText('Submitted');
  await page.getByTestId('back').click();
  await expect(page.getByTestId('progress')).toHaveText('1 of 1');
  await expect(page.getByTestId('overall-n')).toHaveText('1');
});
