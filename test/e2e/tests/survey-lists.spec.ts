import { createClient } from '@libsql/client';
import { expect, test } from '@playwright/test';
import { signInAsDemo } from './support/sign-in';
import { axeClean } from './support/axe';

/**
 * A QA analyst sets up a program's callback plan and draws today's list (issue 14): the plan form, the
 * lists overview with its "draw now" button, the day view with the drawn customers (status open, no
 * contact details) and the list verified from its snapshot. The program is one without a plan (so neither the
 * demo nor the 06:00 scheduler has drawn it); the spec gives it what the templates slice and an import with
 * contact columns would: a survey template, and contact rows for its recent customers (sealed values copied
 * from a demo customer, so they open with the server's key).
 */

const H = 3_600_000;

async function programWithoutPlan() {
  const db = createClient({ url: process.env.E2E_DATABASE_URL! });
  try {
    const q = async (sql: string, args: (string | number | null)[] = []) => (await db.execute({ sql, args })).rows;
    const now = Date.now();
    const [from, to] = [now - 72 * H, now - 24 * H];
    const [program] = await q(
      `SELECT p.id, p.name, p.tenant_id FROM programs p
       WHERE p.id NOT IN (SELECT program_id FROM callback_plans)
         AND (SELECT count(*) FROM calls c WHERE c.program_id = p.id AND c.customer_ref IS NOT NULL AND c.started_at >= ? AND c.started_at < ?) >= 3
       ORDER BY p.id LIMIT 1`,
      [from, to]
    );
    if (!program) throw new Error('no program without a callback plan and with recent calls in the demo');
    const [tenantId, programId] = [Number(program.tenant_id), Number(program.id)];
    const [tpl] = await q(`INSERT INTO survey_templates (tenant_id, program_id, created_by) VALUES (?, ?, 'e2e') RETURNING id`, [
      tenantId,
      programId
    ]);
    await q(
      `INSERT INTO survey_template_versions (tenant_id, template_id, version, name, intro, questions, created_by)
       SELECT ?, ?, 1, 'E2E survey', intro, questions, 'e2e' FROM survey_template_versions ORDER BY id LIMIT 1`,
      [tenantId, Number(tpl!.id)]
    );
    await q(
      `INSERT OR IGNORE INTO customer_contacts (tenant_id, customer_ref, phone_cipher, language, erase_after, created_at, updated_at)
       SELECT DISTINCT c.tenant_id, c.customer_ref,
              (SELECT phone_cipher FROM customer_contacts WHERE phone_cipher IS NOT NULL ORDER BY id LIMIT 1), 'nl', ?, ?, ?
       FROM calls c WHERE c.program_id = ? AND c.customer_ref IS NOT NULL AND c.started_at >= ? AND c.started_at < ?`,
      [now + 90 * 24 * H, now, now, programId, from, to]
    );
    return String(program.name);
  } finally {
    db.close();
  }
}

test('qa@ sets up a callback plan, draws today’s list, sees the customers to ask and the list verified', async ({ page }) => {
  const program = await programWithoutPlan();
  await signInAsDemo(page, 'qa@demo.attentive.test');
  await page.goto('/surveys/lists');
  await expect(page.getByRole('heading', { name: 'Callback lists', level: 1 })).toBeVisible();
  await axeClean(page);

  await page.getByRole('link', { name: `Set up a plan · ${program}` }).click();
  await expect(page.getByRole('heading', { name: `Callback plan · ${program}` })).toBeVisible();
  await page.getByLabel('Customers a day').fill('4');
  await page.getByLabel('At least (hours)').fill('24');
  await page.getByLabel('At most (hours)').fill('72');
  await axeClean(page);
  await page.getByRole('button', { name: 'Save plan' }).click();
  await expect(page.getByRole('status')).toHaveText('Plan saved.');
  // A window that ends before it starts is refused, naming the field; the saved plan stays.
  await page.getByLabel('At least (hours)').fill('80');
  await page.getByRole('button', { name: 'Save plan' }).click();
  await expect(page.getByRole('alert')).toContainText('delayMaxHours');

  await page.getByRole('link', { name: 'Callback lists' }).click();
  await expect(page.getByText(new RegExp(`4 customers a day by phone`))).toBeVisible();
  await page.getByRole('button', { name: `Draw today's list now · ${program}` }).click();

  await expect(page).toHaveURL(/\/surveys\/draws\/\d+$/);
  await expect(page.getByRole('heading', { level: 1 })).toContainText(program);
  await expect(page.getByTestId('verify')).toContainText('Verified');
  const rows = page.getByRole('table', { name: 'Customers to ask' }).locator('tbody tr');
  const n = await rows.count();
  expect(n).toBeGreaterThan(0);
  expect(n).toBeLessThanOrEqual(4);
  await expect(rows.first()).toContainText('Open');
  await expect(page.locator('body')).not.toContainText('+31');
  await axeClean(page);

  // Back on the overview, today's list is there and cannot be drawn twice.
  await page.getByRole('link', { name: /Callback lists/ }).click();
  await expect(page.getByRole('button', { name: `Draw today's list now · ${program}` })).toHaveCount(0);
  await expect(page.getByRole('table', { name: `Callback lists of ${program}, newest day first` }).locator('tbody tr')).toHaveCount(1);
});
