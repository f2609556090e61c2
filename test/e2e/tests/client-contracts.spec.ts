import { createClient } from '@libsql/client';
import { expect, test } from '@playwright/test';
import { signInAsDemo } from './support/sign-in';

/**
 * Contract terms (issue 17): the admin enters terms for ENERGY's program EN-MOVE (the demo gives it none, so
 * the demo's EN-CARE and TC-CARE terms that the report screens read stay as they are): first with a target
 * outside its metric's range, which the API refuses and the page names beside the field, then good terms.
 * The energy client's auditor reads them in words; a TELCO program's contract is a 404 page for it.
 */
let energyMove = 0;
let telcoCare = 0;

test.beforeAll(async () => {
  const db = createClient({ url: process.env.E2E_DATABASE_URL! });
  try {
    const id = async (code: string) =>
      Number(
        (
          await db.execute({
            sql: "SELECT p.id FROM programs p JOIN tenants t ON t.id = p.tenant_id WHERE t.slug = 'demo' AND p.code = ?",
            args: [code]
          })
        ).rows[0]!.id
      );
    energyMove = await id('EN-MOVE');
    telcoCare = await id('TC-CARE');
  } finally {
    db.close();
  }
});

test('an admin adds terms (a bad target is named beside its field), the auditor reads them, another client is 404', async ({ browser }) => {
  const admin = await browser.newPage();
  await signInAsDemo(admin, 'admin@demo.attentive.test');
  await admin.goto('/client/contracts');
  await expect(admin.getByRole('heading', { level: 1, name: 'Contract terms' })).toBeVisible();
  await admin.locator(`a[href="/client/contracts/${energyMove}"]`).click();
  await admin.waitForURL(`**/client/contracts/${energyMove}`);
  await expect(admin.getByText('No contract terms have been entered for this program yet.')).toBeVisible();

  const form = admin.locator('form[action="?/create"]');
  await form.getByLabel('First month', { exact: true }).fill('2026-01');
  await form.getByLabel('Monthly fee', { exact: true }).fill('12500.00');
  const row = form.getByRole('group', { name: 'Target 1' });
  await row.getByLabel('Metric', { exact: true }).selectOption('qa_score');
  await row.getByLabel('Target', { exact: true }).fill('120');
  await row.getByLabel('Step', { exact: true }).fill('2');
  await row.getByLabel('Most steps', { exact: true }).fill('3');
  await row.getByLabel('Money per step', { exact: true }).selectOption('percent');
  await row.getByLabel('Bonus per step', { exact: true }).fill('1');
  await row.getByLabel('Malus per step', { exact: true }).fill('1.5');
  await form.getByRole('button', { name: 'Save new terms' }).click();
  const refused = admin.locator('form[action="?/create"]').getByRole('group', { name: 'Target 1' });
  await expect(refused.getByText("target 120 is outside qa_score's range 0–100")).toBeVisible();
  await expect(refused.getByLabel('Target', { exact: true })).toHaveAttribute('aria-invalid', 'true');
  // What was typed is kept: only the target needs changing.
  await expect(refused.getByLabel('Malus per step', { exact: true })).toHaveValue('1.5');

  await refused.getByLabel('Target', { exact: true }).fill('80');
  await admin.locator('form[action="?/create"]').getByRole('button', { name: 'Save new terms' }).click();
  await expect(admin.getByRole('status')).toContainText('Version 1 saved.');
  const v1 = admin.getByRole('region', { name: /Version 1/ });
  await expect(v1).toContainText('Monthly fee: €12,500.00');
  await expect(v1).toContainText('QA score at least 80 points');
  await expect(v1).toContainText('bonus 1% of the fee per 2 points above, up to 3 steps');
  await expect(v1).toContainText('malus 1.5% of the fee per 2 points below, up to 3 steps');
  await expect(v1).toContainText('In force this month');
  await admin.close();

  const auditor = await browser.newPage();
  await signInAsDemo(auditor, 'auditor.energy@demo.attentive.test');
  await auditor.goto('/client/contracts');
  const programs = auditor.getByRole('table');
  await expect(programs).toContainText('EN-MOVE');
  await expect(programs).not.toContainText('TC-CARE');
  await auditor.locator(`a[href="/client/contracts/${energyMove}"]`).click();
  await expect(auditor.getByRole('region', { name: /Version 1/ })).toContainText('QA score at least 80 points');
  // The auditor reads; it has no form to change terms.
  await expect(auditor.getByRole('button', { name: 'Save new terms' })).toHaveCount(0);
  const foreign = await auditor.goto(`/client/contracts/${telcoCare}`);
  expect(foreign?.status()).toBe(404);
  await expect(auditor.getByText('QA score at least')).toHaveCount(0);
  await auditor.close();
});

test('at 390 px the overview, the versions and the admin form fit the screen (no sideways scrolling)', async ({ browser }) => {
  const fits = async (email: string, paths: string[]) => {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
    await signInAsDemo(page, email);
    for (const path of paths) {
      await page.goto(path);
      const { scroll, client } = await page.evaluate(() => ({
        scroll: document.documentElement.scrollWidth,
        client: document.documentElement.clientWidth
      }));
      expect(scroll, `${path} as ${email}`).toBeLessThanOrEqual(client);
    }
    await page.close();
  };
  const db = createClient({ url: process.env.E2E_DATABASE_URL! });
  const energyCare = Number(
    (await db.execute("SELECT p.id FROM programs p JOIN tenants t ON t.id = p.tenant_id WHERE t.slug = 'demo' AND p.code = 'EN-CARE'"))
      .rows[0]!.id
  );
  db.close();
  await fits('admin@demo.attentive.test', ['/client/contracts', `/client/contracts/${energyCare}`]);
  await fits('auditor.energy@demo.attentive.test', ['/client/contracts', `/client/contracts/${energyCare}`]);
});
