import { createClient } from '@libsql/client';
import { expect, test, type Page } from '@playwright/test';
import { signInAsDemo } from './support/sign-in';
import { axeClean } from './support/axe';

/**
 * An admin plans a month of mystery calls and publishes it (issue 13): program, month, number of calls,
 * a chosen grid with Friday 17:00, the shoppers; the draft previews its spread, publishing makes the
 * assignments in those hours, and one is cancelled. Labels and roles only, so the lead can chain it with the
 * shopper's form and the reachability heatmap.
 */

const ZONE = 'Europe/Amsterdam';

/**
 * The program to plan for: one with an active scenario (the demo's), and a month no plan of it uses yet,
 * from three months ahead (the demo plans the last and the current month). Without demo scenarios (this
 * slice on its own) one scenario is stored first, straight in the database, as the scenario library would.
 */
async function programAndMonth() {
  const db = createClient({ url: process.env.E2E_DATABASE_URL! });
  try {
    const q = async (sql: string, args: (string | number)[] = []) => (await db.execute({ sql, args })).rows;
    const programs = `SELECT p.id, p.name, p.tenant_id, c.name AS client FROM programs p JOIN clients c ON c.id = p.client_id`;
    let [program] = await q(
      `${programs} WHERE p.id IN (SELECT program_id FROM mystery_scenarios WHERE retired_at IS NULL) ORDER BY p.id LIMIT 1`
    );
    if (!program) {
      [program] = await q(`${programs} ORDER BY p.id LIMIT 1`);
      const [card] = await q(`SELECT id FROM scorecards WHERE tenant_id = ? ORDER BY id LIMIT 1`, [Number(program!.tenant_id)]);
      const [s] = await q(`INSERT INTO mystery_scenarios (tenant_id, program_id, created_by) VALUES (?, ?, 'e2e') RETURNING id`, [
        Number(program!.tenant_id),
        Number(program!.id)
      ]);
      await q(
        `INSERT INTO mystery_scenario_versions (tenant_id, scenario_id, version, title, story, question, right_answer,
           oriented_opportunity, difficulty, scorecard_id, created_by)
         VALUES (?, ?, 1, 'Jaaroverzicht', 'Klant wil het jaaroverzicht', 'Waar vind ik mijn jaaroverzicht?', 'In de app onder Documenten',
           'Controleert het e-mailadres en stuurt het meteen', 'easy', ?, 'e2e')`,
        [Number(program!.tenant_id), Number(s!.id), Number(card!.id)]
      );
    }
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: ZONE, year: 'numeric', month: '2-digit' }).format(new Date());
    const [y, m] = today.split('-').map(Number) as [number, number];
    for (let i = 3; ; i++) {
      const ym = y * 12 + (m - 1) + i;
      const [yy, mm] = [Math.floor(ym / 12), (ym % 12) + 1];
      const month = `${yy}-${String(mm).padStart(2, '0')}`;
      const taken = await q(`SELECT 1 FROM mystery_plans WHERE program_id = ? AND month = ?`, [Number(program!.id), month]);
      if (taken.length === 0) return { programName: String(program!.name), option: `${program!.name} (${program!.client})`, month };
    }
  } finally {
    db.close();
  }
}

const SHOTS = process.env.MYSTERY_PLAN_SHOTS;
async function shot(page: Page, name: string) {
  if (!SHOTS) return;
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: `${SHOTS}/${name}-${width}.png`, fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 800 });
}

test('an admin plans a month of mystery calls, with Friday 17:00, and publishes it', async ({ page }) => {
  const { programName, option, month } = await programAndMonth();
  await signInAsDemo(page, 'admin@demo.attentive.test');
  await page.goto('/mystery/plans');
  await page.getByRole('link', { name: 'New plan' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Plan a month of mystery calls' })).toBeVisible();
  await page.waitForLoadState('networkidle'); // hydrated: the grid appears when "chosen" is picked

  await page.getByLabel('Program', { exact: true }).selectOption({ label: option });
  await page.getByLabel('Month', { exact: true }).fill(month);
  await page.getByLabel('Number of calls').fill('12');
  await page.getByRole('radio', { name: /Chosen weekdays and hours/ }).check();
  await page.getByRole('checkbox', { name: 'Friday 17:00' }).check();
  await page.getByRole('checkbox', { name: 'Tuesday 10:00' }).check();
  await expect(page.getByRole('checkbox', { name: /\(MS01\)/ })).toBeChecked();
  await axeClean(page);
  await shot(page, 'new');
  await page.getByRole('button', { name: 'Save draft' }).click();

  await expect(page).toHaveURL(/\/mystery\/plans\/\d+$/);
  await expect(page.getByText('Draft', { exact: true })).toBeVisible();
  const preview = page.getByRole('table', { name: /Calls per weekday/ });
  await expect(preview.getByRole('row', { name: /^17:00/ })).toContainText('6');
  await expect(preview.getByRole('row', { name: /^10:00/ })).toContainText('6');

  await axeClean(page);
  await shot(page, 'draft');
  await page.getByRole('button', { name: 'Publish and make the assignments' }).click();
  await expect(page.getByRole('status')).toHaveText('Published: 12 assignments made.');
  const assignments = page.getByRole('table', { name: 'Assignments' });
  await expect(assignments.getByRole('row')).toHaveCount(13); // the header and 12 calls
  await expect(assignments.getByRole('row', { name: /Friday .*17:00–18:00/ })).toHaveCount(6);
  await expect(assignments.getByRole('row', { name: /Tuesday .*10:00–11:00/ })).toHaveCount(6);

  await axeClean(page);
  await shot(page, 'published');

  // One call cancelled: it stays listed, and the spread counts 11.
  await assignments
    .getByRole('button', { name: /^Cancel call Friday/ })
    .first()
    .click();
  await expect(page.getByRole('status')).toHaveText('The call is cancelled.');
  await expect(page.getByText('The published assignments, cancelled ones left out: 11 calls.')).toBeVisible();
  await expect(page.getByRole('table', { name: 'Assignments' }).getByRole('row', { name: /Cancelled/ })).toHaveCount(1);

  // The list shows the month as published, with its assignments.
  await page.getByRole('link', { name: 'Mystery-call plans' }).click();
  await expect(page.getByRole('row', { name: new RegExp(programName) }).first()).toContainText('Published');
  await axeClean(page);
  await shot(page, 'list');
});
