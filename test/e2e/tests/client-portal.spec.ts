import { expect, test } from '@playwright/test';
import { createClient } from '@libsql/client';
import { signInAsDemo } from './support/sign-in';
import { lastMonth } from './support/months';
import { axeClean } from './support/axe';

/**
 * The client portal (issue 17) as the energy client's auditor: it reads last month — every figure with its
 * interval and n, a change line per figure, the trend charts with their numbers as tables, the benchmark —
 * opens a program's teams, and from the program's evaluations an evaluation with its recording and
 * transcript. On a phone (390 px) nothing scrolls sideways, and the pages are axe-clean.
 */
const AUDITOR = 'auditor.energy@demo.attentive.test';

test('the auditor reads the month, the trends and the benchmark, opens the teams and an evaluation with its recording', async ({
  page
}) => {
  await signInAsDemo(page, AUDITOR);
  await page.goto(`/client?month=${lastMonth()}`, { waitUntil: 'networkidle' });
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();

  // Every figure with its interval and n; the QA score of EN-CARE rests on evaluations of last month.
  const figures = page.getByTestId('figures-EN-CARE');
  await expect(figures).toBeVisible();
  const qa = figures.getByRole('row').filter({ hasText: 'QA score' });
  await expect(qa).toContainText(/\d+(?:[.,]\d)? .*–.*n = \d+/);
  // A change line in words, saying whether it is more than the noise (or why it cannot say).
  await expect(figures.getByTestId('change-qa_score')).toHaveText(/(rose|fell|did not change|too few).*(noise|since)/);

  // The trend charts render on the server, with their numbers as a table of 12 months.
  const trend = page.locator('figure.metric-trend').first();
  await expect(trend.locator('svg.lc-layout-svg')).toBeVisible();
  await trend.locator('summary').click();
  await expect(trend.locator('tbody tr')).toHaveCount(12);

  // The benchmark: its programs and the contact center's average, no other client named.
  const bench = page.getByTestId('benchmark');
  await expect(bench).toContainText('Contact center average');
  await expect(bench).not.toContainText('TELCO');
  await expect(page.locator('body')).not.toContainText('Telco');
  await axeClean(page);

  // At 390 px nothing scrolls sideways.
  await page.setViewportSize({ width: 390, height: 844 });
  await page.reload({ waitUntil: 'networkidle' });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

  // The program's teams on the friendly × oriented plane, with the table beside it.
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.getByRole('link', { name: 'Teams and sample runs' }).first().click();
  await page.waitForURL(/\/client\/programs\/\d+/);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Teams of');
  await expect(page.getByTestId('teams').locator('tbody tr').first()).toContainText(/n = \d+/);
  await expect(page.locator('.plane svg.lc-layout-svg')).toBeVisible();
  await axeClean(page);
  await page.setViewportSize({ width: 390, height: 844 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await page.setViewportSize({ width: 1280, height: 900 });

  // From the program's evaluations, one evaluation with its recording and transcript.
  await page.getByRole('link', { name: /Evaluations of this program/ }).click();
  await page.waitForURL(/\/evaluations\?programId=\d+/);
  await page.locator('td[data-label="Id"] a, tbody a[href^="/evaluations/"]').first().click();
  await page.waitForURL(/\/evaluations\/\d+/);
  await expect(page.getByTestId('status')).toBeVisible();

  // Few demo calls have audio (7): open a submitted evaluation of the energy client whose call has a recording and a transcript.
  const db = createClient({ url: process.env.E2E_DATABASE_URL! });
  const row = (
    await db.execute(`SELECT e.id FROM evaluations e JOIN calls c ON c.id = e.call_id JOIN programs p ON p.id = e.program_id
      JOIN clients k ON k.id = p.client_id JOIN call_transcripts t ON t.call_id = c.id
      WHERE k.code = 'ENERGY' AND e.status = 'submitted' AND c.recording_path IS NOT NULL ORDER BY e.id LIMIT 1`)
  ).rows[0];
  db.close();
  test.skip(!row, 'the demo has no recorded, evaluated energy call');
  await page.goto(`/evaluations/${Number(row!.id)}`, { waitUntil: 'networkidle' });
  await expect(page.locator('audio').first()).toBeAttached();
  await expect(page.locator('.turns, [data-testid="transcript"], ol').filter({ hasText: /\w/ }).first()).toBeVisible();
  await axeClean(page);
});

test("the admin puts the energy client's agents under pseudonyms; its auditor then reads no agent's name", async ({ browser }) => {
  const admin = await browser.newPage();
  const auditor = await browser.newPage();
  const setPseudonyms = async (on: boolean) => {
    await admin.goto('/admin/clients', { waitUntil: 'networkidle' });
    const row = admin.getByRole('row').filter({ hasText: 'ENERGY' });
    await row.getByRole('button', { name: /Edit/ }).click();
    const edit = admin.locator('form[action="?/update"]');
    await edit.getByLabel("Agents under a pseudonym for this client's auditors").setChecked(on);
    await edit.getByRole('button', { name: 'Save' }).click();
    await expect(admin.getByRole('status')).toBeVisible();
    await expect(admin.getByRole('row').filter({ hasText: 'ENERGY' })).toContainText(on ? 'Agent 7F3A' : 'No: names');
  };
  try {
    await signInAsDemo(admin, 'admin@demo.attentive.test');
    await setPseudonyms(true);
    await signInAsDemo(auditor, AUDITOR);
    await auditor.goto(`/client?month=${lastMonth()}`, { waitUntil: 'networkidle' });
    await expect(auditor.getByText('Agents are shown to you under pseudonyms')).toBeVisible();
    await auditor.getByRole('link', { name: 'Teams and sample runs' }).first().click();
    await auditor.waitForURL(/\/client\/programs\/\d+/);
    await auditor.getByRole('link', { name: /Evaluations of this program/ }).click();
    await auditor.waitForURL(/\/evaluations\?programId=\d+/);
    const agents = auditor.locator('td[data-label="Agent"] a');
    await expect(agents.first()).toHaveText(/^Agent [0-9A-F]{4}$/);
    for (const name of await agents.allTextContents()) expect(name.trim()).toMatch(/^Agent [0-9A-F]{4}$/);
  } finally {
    await setPseudonyms(false);
  }
  // Back to names for everyone else.
  await auditor.reload({ waitUntil: 'networkidle' });
  await expect(auditor.locator('td[data-label="Agent"] a').first()).not.toHaveText(/^Agent [0-9A-F]{4}$/);
});
