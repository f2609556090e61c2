import { createClient } from '@libsql/client';
import { expect, test } from '@playwright/test';
import { signInAsDemo } from './support/sign-in';
import { axeClean } from './support/axe';

/**
 * A client auditor reads how the calls of its programs are sampled (issue 17): from /sampling it opens a
 * plan of its client, reads the published rules in words, the versions and the runs, and verifies a run.
 * No editing, no draft. Another client's plan does not exist for it. Axe-clean; nothing scrolls sideways at 390 px.
 */
const AUDITOR = 'auditor.energy@demo.attentive.test';

/** The demo's "Weekly random sample" plan of a program (seeded for every program, published as v1). */
async function demoPlanId(programCode: string): Promise<number> {
  const db = createClient({ url: process.env.E2E_DATABASE_URL! });
  try {
    const r = await db.execute({
      sql: `SELECT sp.id FROM sampling_plans sp JOIN programs p ON p.id = sp.program_id
            WHERE p.code = ? AND sp.name = 'Weekly random sample'`,
      args: [programCode]
    });
    return Number(r.rows[0]!.id);
  } finally {
    db.close();
  }
}

test('the energy auditor reads a plan of its program: the rules in words, the versions, the runs, and verifies a run', async ({ page }) => {
  const planId = await demoPlanId('EN-CARE');
  await signInAsDemo(page, AUDITOR);
  await page.goto('/sampling', { waitUntil: 'networkidle' });
  await page.getByTestId('plans-table').locator(`a[href="/sampling/plans/${planId}"]`).click();
  await expect(page).toHaveURL(new RegExp(`/sampling/plans/${planId}$`));

  // The published rules in words (the demo plan: two calls a week, four for new agents, 30 s of talk, by queue).
  const rules = page.getByTestId('plan-rules');
  await expect(page.getByRole('heading', { name: 'Rules of published version 1' })).toBeVisible();
  await expect(rules.locator('[data-rule=period]')).toContainText(
    'After each week (Monday to Sunday) has ended, in the time zone Europe/Amsterdam.'
  );
  await expect(rules.locator('[data-rule=quota]')).toContainText('2 calls per agent per period.');
  await expect(rules.locator('[data-rule=quota]')).toContainText('Agents in their first 3 months: 4 calls per period.');
  await expect(rules.locator('[data-rule=filters]')).toContainText('At least 30 seconds of talk.');
  await expect(rules.locator('[data-rule=exclude]')).toContainText('Calls that were already evaluated.');
  await expect(rules.locator('[data-rule=spread]')).toContainText('divided over its queues');
  await expect(rules.locator('[data-rule=assignment]')).toContainText('within 7 days');
  await expect(page.getByTestId('versions-table')).toContainText('v1');

  // Read-only: no draft, no editor, no publish or draw buttons.
  await expect(page.getByTestId('publish')).toHaveCount(0);
  await expect(page.getByTestId('run-now')).toHaveCount(0);
  await expect(page.getByTestId('save-plan')).toHaveCount(0);
  await expect(page.getByRole('heading', { name: 'Draft' })).toHaveCount(0);
  await axeClean(page);

  // At 390 px nothing scrolls sideways.
  await page.setViewportSize({ width: 390, height: 844 });
  await page.reload({ waitUntil: 'networkidle' });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await page.setViewportSize({ width: 1280, height: 800 });

  // The runs (the server's scheduler drew last week at its start); a run's verification opens.
  const runs = page.getByTestId('runs-table');
  await expect(runs).toBeVisible();
  await runs.getByRole('link', { name: 'Verify' }).first().click();
  await expect(page).toHaveURL(/\/sampling\/runs\/\d+\/verify$/);
  await expect(page.getByTestId('verdict')).toContainText('Match');
});

test('a TELCO plan does not exist for the energy auditor', async ({ page }) => {
  const planId = await demoPlanId(await telcoProgramCode());
  await signInAsDemo(page, AUDITOR);
  const res = await page.goto(`/sampling/plans/${planId}`);
  expect(res?.status()).toBe(404);
});

/** A program of the TELCO client. */
async function telcoProgramCode(): Promise<string> {
  const db = createClient({ url: process.env.E2E_DATABASE_URL! });
  try {
    const r = await db.execute(
      `SELECT p.code FROM programs p JOIN clients c ON c.id = p.client_id WHERE c.code = 'TELCO' ORDER BY p.id LIMIT 1`
    );
    return String(r.rows[0]!.code);
  } finally {
    db.close();
  }
}
