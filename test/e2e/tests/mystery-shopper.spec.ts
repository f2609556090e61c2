import { createClient } from '@libsql/client';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { signInAsDemo } from './support/sign-in';

test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
// The second journey matches the call the first one recorded.
test.describe.configure({ mode: 'serial' });

/**
 * An open assignment for the demo shopper (MS01), stored straight in the e2e database: the demo's own
 * month of mystery calls and the planner are other parts of issue 13; this journey is the shopper's form.
 * It uses the program's published call scorecard (a scenario may name it) and a plan of a far month.
 */
async function openAssignment() {
  const db = createClient({ url: process.env.E2E_DATABASE_URL! });
  try {
    const one = async (sql: string, args: (string | number)[] = []) => (await db.execute({ sql, args })).rows[0]!;
    const shopper = await one(`SELECT id, tenant_id FROM people WHERE code = 'MS01'`);
    const card = await one(
      `SELECT s.id AS scorecard_id, p.id AS program_id FROM scorecards s JOIN scorecard_versions v ON v.scorecard_id = s.id
       JOIN programs p ON p.tenant_id = s.tenant_id AND (s.program_id = p.id OR s.program_id IS NULL)
       WHERE s.tenant_id = ? AND v.status = 'published' ORDER BY s.program_id IS NULL, p.id LIMIT 1`,
      [Number(shopper.tenant_id)]
    );
    const tenant = Number(shopper.tenant_id);
    const now = Date.now();
    const scenario = await one(
      `INSERT INTO mystery_scenarios (tenant_id, program_id, created_at, created_by) VALUES (?, ?, ?, 'e2e') RETURNING id`,
      [tenant, Number(card.program_id), now]
    );
    const version = await one(
      `INSERT INTO mystery_scenario_versions (tenant_id, scenario_id, version, title, story, question, right_answer, oriented_opportunity, difficulty, scorecard_id, created_at, created_by)
       VALUES (?, ?, 1, 'E2E annual statement', 'You moved and never got your annual statement.', 'Can you send me my annual statement?',
               'Yes, by e-mail within a day.', 'Checks the e-mail address and offers to send it now.', 'easy', ?, ?, 'e2e') RETURNING id`,
      [tenant, Number(scenario.id), Number(card.scorecard_id), now]
    );
    const month = `2091-${String(1 + (now % 12)).padStart(2, '0')}`;
    const plan = await one(
      `INSERT INTO mystery_plans (tenant_id, program_id, month, calls, spread, shopper_ids, status, created_at, created_by, updated_at)
       VALUES (?, ?, ?, 1, 'volume', ?, 'published', ?, 'e2e', ?)
       ON CONFLICT DO UPDATE SET calls = calls + 1 RETURNING id`,
      [tenant, Number(card.program_id), month, JSON.stringify([Number(shopper.id)]), now, now]
    );
    const a = await one(
      `INSERT INTO mystery_assignments (tenant_id, plan_id, program_id, scenario_version_id, shopper_id, window_start, window_end, status, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, 'planned', ?, ?) RETURNING id`,
      [
        tenant,
        Number(plan.id),
        Number(card.program_id),
        Number(version.id),
        Number(shopper.id),
        now - 30 * 60_000,
        now + 90 * 60_000,
        now,
        now
      ]
    );
    return Number(a.id);
  } finally {
    db.close();
  }
}

test('a shopper opens its assignment on a phone and records a mystery call', async ({ page }) => {
  const id = await openAssignment();
  await signInAsDemo(page, 'shopper@demo.attentive.test');
  await expect(page).toHaveURL(/\/mystery$/);
  const row = page.getByTestId('assignment').filter({ hasText: 'E2E annual statement' });
  await expect(row).toContainText('Today');
  await row.getByRole('link').click();
  await expect(page).toHaveURL(new RegExp(`/mystery/assignments/${id}$`));
  await expect(page.getByTestId('scenario')).toContainText('Can you send me my annual statement?');
  await expectAxeClean(page);

  // A mistake first: answered before dialling → the error beside the field, nothing recorded.
  await page.getByLabel('Date').fill('2026-11-30');
  await page.getByLabel('Dialled at').fill('10:00:30');
  await page.getByLabel('A person answered', { exact: true }).check();
  await page.getByLabel('A person answered at').fill('10:00:10');
  await page.getByLabel('Hold time (seconds)').fill('-5');
  await fillScorecard(page);
  await page.getByTestId('submit').click();
  await expect(page.getByTestId('error-answeredAt')).toContainText('before dialled');
  await expect(page.getByTestId('error-holdSeconds')).toBeVisible();
  await expectAxeClean(page);

  await page.getByLabel('A person answered at').fill('10:01:05');
  await page.getByLabel('Hold time (seconds)').fill('20');
  await page.getByLabel('Menu steps').fill('1');
  await page.getByLabel('Menu choices made').fill('2 — billing');
  await page.getByLabel("The agent's name, if given").fill('Sanne');
  await page.getByTestId('submit').click();
  await expect(page.getByTestId('recorded')).toBeVisible();
  await expect(page.getByTestId('record')).toContainText('A person answered');
  await expect(page.getByTestId('record')).toContainText('Sanne');

  // Back home, the assignment is done.
  await page.goto('/mystery');
  await expect(page.getByTestId('assignment').filter({ hasText: 'E2E annual statement' })).toContainText('Done');
});

test('a QA analyst opens the unmatched call and matches it to an agent', async ({ page }) => {
  await signInAsDemo(page, 'qa@demo.attentive.test');
  await page.goto('/mystery');
  const unmatched = page.getByTestId('unmatched').filter({ hasText: 'E2E annual statement' }).first();
  await expect(unmatched).toContainText('Name given: Sanne');
  await unmatched.getByRole('link').click();
  await expect(page.getByTestId('agent')).toContainText('Agent not identified');
  await expectAxeClean(page);
  await page.getByTestId('agent-select').selectOption({ index: 1 });
  await page.getByTestId('match').click();
  await expect(page.getByTestId('matched')).toBeVisible();
  await expect(page.getByTestId('agent')).not.toContainText('Agent not identified');
});

/** No serious or critical axe violation on the page as it is now. */
async function expectAxeClean(page: Page) {
  const { violations } = await new AxeBuilder({ page }).analyze();
  expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes[0]?.target}`)).toEqual(
    []
  );
}

/** Answers every item of the scorecard (the first option of each) and the conversation's three checks. */
async function fillScorecard(page: Page) {
  for (const name of ['Was your question resolved?', 'Was the right answer given?', 'Was the oriented opportunity taken?'])
    await page.getByRole('group', { name }).getByLabel('Yes').check();
  const items = page.locator('[data-testid^="item-"]');
  for (let i = 0; i < (await items.count()); i++) await items.nth(i).locator('input[type=radio]').first().check();
}
