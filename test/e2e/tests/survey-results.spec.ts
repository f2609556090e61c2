import { createClient } from '@libsql/client';
import { expect, test } from '@playwright/test';
import { signInAsDemo } from './support/sign-in';

/**
 * Callback survey results (issue 14) on the demo's 90 days of callbacks: QA reads EN-CARE's metrics with their
 * formulas and n; a team lead handles a low-score alert with a note; the energy client's auditor sees its own
 * client's programs only (TC-CARE, the telecom client's, does not exist for it).
 */
const programs: Record<string, number> = {};

test.beforeAll(async () => {
  const db = createClient({ url: process.env.E2E_DATABASE_URL! });
  try {
    const rows = await db.execute(
      "SELECT p.code, p.id FROM programs p JOIN tenants t ON t.id = p.tenant_id WHERE t.slug = 'demo' AND p.code IN ('EN-CARE', 'TC-CARE')"
    );
    for (const r of rows.rows) programs[String(r.code)] = Number(r.id);
  } finally {
    db.close();
  }
});

test('QA reads EN-CARE’s survey results: every metric with its formula, n and interval; non-response with reach and response rate', async ({
  page
}) => {
  await signInAsDemo(page, 'qa@demo.attentive.test');
  await page.goto(`/surveys/results?programId=${programs['EN-CARE']}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Callback survey results' })).toBeVisible();
  const metrics = page.getByTestId('survey-metrics');
  for (const name of ['CSAT (mean)', 'CSAT top-2-box', 'First-contact resolution', 'Customer effort (mean)', 'Net Promoter Score'])
    await expect(metrics.getByText(name, { exact: true })).toBeVisible();
  await expect(metrics.getByText('% promoters (9–10) − % detractors (0–6), on −100 … 100')).toBeVisible();
  await expect(metrics.getByText('answers 4 or 5 ÷ CSAT answers')).toBeVisible();
  // Each figure says how many answered: "n = …" next to the interval.
  const csat = metrics.locator('[data-metric="csat_mean"]');
  await expect(csat.getByText(/n = \d+/)).toBeVisible();
  const n = Number((await csat.getByText(/n = \d+/).textContent())!.match(/n = ([\d,.]+)/)![1]!.replace(/[,.]/g, ''));
  expect(n).toBeGreaterThan(20);
  const nr = page.getByTestId('survey-nonresponse');
  await expect(nr.getByText('Reach rate', { exact: true }).first()).toBeVisible();
  await expect(nr.getByText(/customers reached ÷ customers tried/)).toBeVisible();
  await expect(nr.getByText('responses ÷ customers drawn')).toBeVisible();
  await expect(nr.getByRole('row', { name: /Phone \(survey caller\)/ })).toBeVisible();
  await expect(page.getByTestId('survey-low')).toContainText('Responses with a low answer about the agent');
  // The per-agent view is linked for coaches, with the same filter.
  await page.getByRole('link', { name: 'QA next to what customers say, per agent' }).click();
  await expect(page).toHaveURL(new RegExp(`/surveys/results/agents\\?programId=${programs['EN-CARE']}`));
  await expect(page.getByTestId('agents-note')).toContainText('not a verdict');
  const table = page.getByTestId('agents-table');
  await expect(table.locator('tbody tr').first()).toBeVisible();
  await table.getByRole('button', { name: 'Sort by CSAT (mean)' }).click();
  // Figures sort highest first; a second click turns it round.
  await expect(table.locator('th[aria-sort="descending"]')).toContainText('CSAT (mean)');
  await table.getByRole('button', { name: 'Sort by CSAT (mean)' }).click();
  await expect(table.locator('th[aria-sort="ascending"]')).toContainText('CSAT (mean)');
});

test('a team lead handles a low-score alert with a note, and it moves to handled', async ({ page }) => {
  await signInAsDemo(page, 'tl01@demo.attentive.test');
  await page.goto('/surveys/alerts?status=open');
  const first = page.getByTestId('alerts').locator('li.alert-item').first();
  await expect(first).toBeVisible();
  const id = await first.getAttribute('data-alert');
  await expect(first.getByRole('heading', { name: 'Low answers' })).toBeVisible();
  await expect(first.getByRole('link', { name: /Open the call/ })).toHaveAttribute('href', /^\/calls\/\d+$/);
  await first.getByLabel('What did you do for the customer?').fill('Called the customer back; credit note sent.');
  await first.getByRole('button', { name: 'Mark handled' }).click();
  await expect(page.getByRole('status')).toHaveText('Alert handled.');
  await page.goto('/surveys/alerts?status=handled');
  const done = page.locator(`[data-alert="${id}"]`);
  await expect(done).toHaveAttribute('data-status', 'handled');
  await expect(done).toContainText('Called the customer back; credit note sent.');
});

test('the energy client’s auditor sees its own client’s programs only', async ({ page }) => {
  await signInAsDemo(page, 'auditor.energy@demo.attentive.test');
  // The hub offers the results, not the per-agent view (coaches only).
  await page.goto('/surveys');
  await expect(page.getByRole('link', { name: 'Results' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'QA next to customers' })).toHaveCount(0);
  await page.goto('/surveys/results');
  const options = await page.getByLabel('Program').locator('option').allTextContents();
  expect(options.length).toBeGreaterThan(1);
  await page.goto(`/surveys/results?programId=${programs['EN-CARE']}`);
  await expect(page.getByTestId('survey-metrics')).toBeVisible();
  // No link to the per-agent view or the alerts: those are for coaches.
  await expect(page.getByRole('link', { name: 'Low-score alerts' })).toHaveCount(0);
  const res = await page.goto(`/surveys/results?programId=${programs['TC-CARE']}`);
  expect(res?.status()).toBe(404);
  const agents = await page.goto('/surveys/results/agents');
  expect(agents?.status()).toBe(404); // the web hides what a role may not open
});
