import { createClient } from '@libsql/client';
import { expect, test, type Page } from '@playwright/test';
import { signInAsDemo } from './support/sign-in';

/**
 * Mystery calls end to end (issue 13), through the screens only: an admin adds a scenario to a program
 * and plans this month for it; the demo shopper opens one of the planned calls and records it; the
 * reachability heatmap then shows that call in its weekday × hour cell. The program is one the demo has
 * no mystery plan for this month (the demo plans EN-CARE and TC-CARE).
 */
const ZONE = 'Europe/Amsterdam';
test.describe.configure({ mode: 'serial' });

/** Date parts of `at` on the demo tenant's clock. */
function local(at: Date) {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', {
      timeZone: ZONE,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      weekday: 'short',
      hourCycle: 'h23'
    })
      .formatToParts(at)
      .map((p) => [p.type, p.value])
  );
  const weekday = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'].indexOf(parts.weekday!) + 1;
  return {
    date: `${parts.year}-${parts.month}-${parts.day}`,
    month: `${parts.year}-${parts.month}`,
    time: `${parts.hour}:${parts.minute}:${parts.second}`,
    weekday,
    hour: Number(parts.hour)
  };
}

const dialled = new Date(Date.now() - 10 * 60_000);
const answered = new Date(dialled.getTime() + 15_000);
const title = `Journey meter reading ${Date.now().toString(36)}`;
let program: { id: number; name: string; client: string };

test.beforeAll(async () => {
  const db = createClient({ url: process.env.E2E_DATABASE_URL! });
  try {
    const rows = await db.execute({
      sql: `SELECT p.id, p.name, c.name AS client FROM programs p JOIN clients c ON c.id = p.client_id
            WHERE p.code NOT IN ('EN-CARE', 'TC-CARE') AND p.id NOT IN (SELECT program_id FROM mystery_plans WHERE month = ?)
            ORDER BY p.id LIMIT 1`,
      args: [local(dialled).month]
    });
    const row = rows.rows[0]!;
    program = { id: Number(row.id), name: String(row.name), client: String(row.client) };
  } finally {
    db.close();
  }
});

async function fillScorecard(page: Page) {
  for (const name of ['Was your question resolved?', 'Was the right answer given?', 'Was the oriented opportunity taken?'])
    await page.getByRole('group', { name }).getByLabel('Yes').check();
  const items = page.locator('[data-testid^="item-"]');
  for (let i = 0; i < (await items.count()); i++) await items.nth(i).locator('input[type=radio]').first().check();
}

test('an admin adds a scenario and plans this month for a program', async ({ page }) => {
  await signInAsDemo(page, 'admin@demo.attentive.test');
  await page.goto('/mystery/scenarios/new', { waitUntil: 'networkidle' });
  const form = page.getByTestId('scenario-form');
  await form.getByLabel('Program').selectOption(String(program.id));
  await form.getByLabel('Scorecard').selectOption({ index: 1 });
  await form.getByLabel('Title').fill(title);
  await form.getByLabel("The customer's story").fill('Moved house and wants to pass on the meter reading.');
  await form.getByLabel('The question').fill('How do I pass on my meter reading?');
  await form.getByLabel('The right answer').fill('In the app under Meter readings, or on the phone now.');
  await form.getByLabel('Customer-oriented opportunity').fill('Takes the reading now and checks the monthly amount.');
  await form.getByLabel('Difficulty').selectOption('easy');
  await form.getByRole('button', { name: 'Add scenario' }).click();
  await expect(page).toHaveURL(/\/mystery\/scenarios\/\d+$/);

  await page.goto('/mystery/plans/new', { waitUntil: 'networkidle' });
  await page.getByLabel('Program', { exact: true }).selectOption({ label: `${program.name} (${program.client})` });
  await page.getByLabel('Month', { exact: true }).fill(local(dialled).month);
  await page.getByLabel('Number of calls').fill('2');
  await page.getByRole('radio', { name: /Chosen weekdays and hours/ }).check();
  await page.getByRole('checkbox', { name: 'Tuesday 10:00' }).check();
  await page.getByRole('checkbox', { name: 'Friday 17:00' }).check();
  await page.getByRole('button', { name: 'Save draft' }).click();
  await expect(page).toHaveURL(/\/mystery\/plans\/\d+$/);
  await page.getByRole('button', { name: 'Publish and make the assignments' }).click();
  await expect(page.getByRole('status')).toHaveText('Published: 2 assignments made.');
});

test('the shopper records one of the planned calls, and the heatmap shows it', async ({ browser }) => {
  const shopper = await (await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true })).newPage();
  await signInAsDemo(shopper, 'shopper@demo.attentive.test');
  await expect(shopper).toHaveURL(/\/mystery$/);
  await shopper.getByTestId('assignment').filter({ hasText: title }).first().getByRole('link').click();
  await expect(shopper.getByTestId('scenario')).toContainText('How do I pass on my meter reading?');
  await shopper.getByLabel('Date').fill(local(dialled).date);
  await shopper.getByLabel('Dialled at').fill(local(dialled).time);
  await shopper.getByLabel('A person answered', { exact: true }).check();
  await shopper.getByLabel('A person answered at').fill(local(answered).time);
  await shopper.getByLabel('Hold time (seconds)').fill('0');
  await shopper.getByLabel('Menu steps').fill('2');
  await fillScorecard(shopper);
  await shopper.getByTestId('submit').click();
  await expect(shopper.getByTestId('recorded')).toBeVisible();

  const admin = await (await browser.newContext()).newPage();
  await signInAsDemo(admin, 'admin@demo.attentive.test');
  const day = local(dialled).date;
  await admin.goto(`/mystery/reachability?programId=${program.id}&from=${day}&to=${day}`);
  const cell = admin.getByTestId('reach-heatmap').locator(`td[data-cell="${local(dialled).weekday}-${local(dialled).hour}"]`);
  await expect(cell).toContainText('100%'); // answered in 15 s: within the target
  await expect(cell).toContainText('n 1');
  await expect(admin.getByTestId('scenario-results')).toContainText(title);
});
