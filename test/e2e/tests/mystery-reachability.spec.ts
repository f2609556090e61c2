import { createClient } from '@libsql/client';
import { expect, test } from '@playwright/test';
import { signInAsDemo } from './support/sign-in';

/**
 * The reachability heatmap (issue 13). The spec stores its own mystery calls, in March 2025 (clear of the
 * demo's months): three to the energy program EN-CARE on Monday 10 March 08:xx (Amsterdam), two to the
 * telecom program TC-TECH on Wednesday 12 March 15:xx. The energy client's auditor sees its own programs
 * only: the Monday cell, never the Wednesday one; an admin sees both.
 */
const PERIOD = '?from=2025-03-01&to=2025-03-31';
let telecomProgram = 0;

test.beforeAll(async () => {
  const db = createClient({ url: process.env.E2E_DATABASE_URL! });
  try {
    const one = async (sql: string, args: (string | number)[] = []) => (await db.execute({ sql, args })).rows[0]!;
    const tenant = Number((await one("SELECT id FROM tenants WHERE slug = 'demo'")).id);
    const shopper = Number((await one('SELECT id FROM people WHERE tenant_id = ? ORDER BY id LIMIT 1', [tenant])).id);
    const scorecard = Number((await one('SELECT id FROM scorecards WHERE tenant_id = ? ORDER BY id LIMIT 1', [tenant])).id);
    const had = await db.execute("SELECT 1 FROM mystery_scenario_versions WHERE title = 'E2E energy scenario'");
    telecomProgram = Number((await one("SELECT id FROM programs WHERE tenant_id = ? AND code = 'TC-TECH'", [tenant])).id);
    if (had.rows.length) return; // stored by an earlier worker of this run
    const store = async (programCode: string, title: string, dialled: string[], answerSeconds: number) => {
      const program = Number((await one('SELECT id FROM programs WHERE tenant_id = ? AND code = ?', [tenant, programCode])).id);
      const now = Date.now();
      const scenario = await one("INSERT INTO mystery_scenarios (tenant_id, program_id, created_by) VALUES (?, ?, 'e2e') RETURNING id", [
        tenant,
        program
      ]);
      const version = await one(
        `INSERT INTO mystery_scenario_versions (tenant_id, scenario_id, version, title, story, question, right_answer, oriented_opportunity, difficulty, scorecard_id, created_by)
         VALUES (?, ?, 1, ?, 'story', 'question', 'answer', 'opportunity', 'easy', ?, 'e2e') RETURNING id`,
        [tenant, Number(scenario.id), title, scorecard]
      );
      const plan = await one(
        `INSERT INTO mystery_plans (tenant_id, program_id, month, calls, spread, target_answer_seconds, shopper_ids, status, created_by, updated_at)
         VALUES (?, ?, '2025-03', ?, 'grid', 20, ?, 'published', 'e2e', ?) RETURNING id`,
        [tenant, program, dialled.length, JSON.stringify([shopper]), now]
      );
      for (const iso of dialled) {
        const at = Date.parse(iso);
        const a = await one(
          `INSERT INTO mystery_assignments (tenant_id, plan_id, program_id, scenario_version_id, shopper_id, window_start, window_end, status, updated_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, 'completed', ?) RETURNING id`,
          [tenant, Number(plan.id), program, Number(version.id), shopper, at - 1_800_000, at + 1_800_000, now]
        );
        await db.execute({
          sql: `INSERT INTO mystery_calls (tenant_id, assignment_id, program_id, scenario_version_id, shopper_id, dialled_at, outcome, answered_at,
                  menu_steps, transfers, resolved, right_answer_given, opportunity_taken, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, 'answered', ?, 2, 0, 1, 1, 0, ?)`,
          args: [tenant, Number(a.id), program, Number(version.id), shopper, at, at + answerSeconds * 1000, now]
        });
      }
    };
    await store('EN-CARE', 'E2E energy scenario', ['2025-03-10T07:05:00Z', '2025-03-10T07:25:00Z', '2025-03-10T07:45:00Z'], 12);
    await store('TC-TECH', 'E2E telecom scenario', ['2025-03-12T14:10:00Z', '2025-03-12T14:20:00Z'], 45);
  } finally {
    db.close();
  }
});

test("a client auditor opens the heatmap and sees its own programs' calls only", async ({ page }) => {
  await signInAsDemo(page, 'auditor.energy@demo.attentive.test');
  await page.goto('/mystery/reachability');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  // The filters by keyboard: the period, then Show.
  await page.getByLabel('From', { exact: true }).fill('2025-03-01');
  await page.getByLabel('To', { exact: true }).fill('2025-03-31');
  await page.getByRole('button', { name: 'Show' }).press('Enter');
  await page.waitForURL(/from=2025-03-01/);

  const options = await page.getByLabel('Program', { exact: true }).locator('option').allTextContents();
  expect(options.some((o) => /telecom|Polderlink|TC-/i.test(o))).toBe(false);
  const grid = page.getByTestId('reach-heatmap');
  await expect(grid.getByRole('table')).toBeVisible();
  const monday = grid.locator('td[data-cell="1-8"]');
  await expect(monday).toContainText('100%');
  await expect(monday).toContainText('n 3');
  await expect(grid.locator('td[data-cell="3-15"]')).toHaveCount(0);
  await expect(page.getByTestId('scenario-results')).toContainText('E2E energy scenario');
  await expect(page.getByTestId('scenario-results')).not.toContainText('E2E telecom scenario');
  await expect(page.getByTestId('reach-imported-summary')).toContainText('abandoned calls are not in them');

  // Another client's program does not exist for it.
  const foreign = await page.goto(`/mystery/reachability${PERIOD}&programId=${telecomProgram}`);
  expect(foreign?.status()).toBe(404);
});

test('an admin sees every program on the heatmap', async ({ page }) => {
  await signInAsDemo(page, 'admin@demo.attentive.test');
  await page.goto(`/mystery/reachability${PERIOD}`);
  const grid = page.getByTestId('reach-heatmap');
  await expect(grid.locator('td[data-cell="1-8"]')).toContainText('n 3');
  const wednesday = grid.locator('td[data-cell="3-15"]');
  await expect(wednesday).toContainText('0%');
  await expect(wednesday).toContainText('n 2');
  await expect(page.getByTestId('scenario-results')).toContainText('E2E telecom scenario');
});
