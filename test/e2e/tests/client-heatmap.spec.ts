import AxeBuilder from '@axe-core/playwright';
import { createClient } from '@libsql/client';
import { expect, test } from '@playwright/test';
import { signInAsDemo } from './support/sign-in';
import { lastMonth } from './support/months';

/**
 * The reachability heatmap in the client portal (issue 17): the energy client's auditor opens EN-CARE's program
 * page for last month — the demo's mystery plan of last month is fully called — and reads the service level by
 * weekday × hour as a table of cells, each with its share and n; a month without mystery calls says so in
 * words. Axe-clean, and at 390 px nothing scrolls sideways. Another client's program does not exist for it.
 */
const AUDITOR = 'auditor.energy@demo.attentive.test';

async function programIds(): Promise<{ energy: number; telco: number }> {
  const db = createClient({ url: process.env.E2E_DATABASE_URL! });
  try {
    const id = async (code: string) =>
      Number((await db.execute({ sql: 'SELECT id FROM programs WHERE code = ? ORDER BY id LIMIT 1', args: [code] })).rows[0]!.id);
    return { energy: await id('EN-CARE'), telco: await id('TC-CARE') };
  } finally {
    db.close();
  }
}

test("the auditor reads its program's reachability heatmap for a month, and words for a month without mystery calls", async ({ page }) => {
  const { energy, telco } = await programIds();
  await signInAsDemo(page, AUDITOR);
  await page.goto(`/client/programs/${energy}?month=${lastMonth()}`, { waitUntil: 'networkidle' });
  await expect(page.getByRole('heading', { level: 2, name: /Reachability by weekday and hour/ })).toBeVisible();

  // The grid is a table: weekdays as row headers, hours as column headers, each cell its share and n.
  const grid = page.getByTestId('portal-heatmap');
  const table = grid.getByRole('table');
  await expect(table).toBeVisible();
  await expect(table.getByRole('rowheader', { name: 'Mon' })).toBeVisible();
  await expect(table.getByRole('columnheader', { name: '10:00' })).toBeVisible();
  const cells = table.locator('td[data-cell]');
  expect(await cells.count()).toBeGreaterThan(0);
  await expect(cells.first()).toContainText(/\d+%/);
  await expect(cells.first()).toContainText(/n \d+/);
  // The cells' n add up to the calls the caption names.
  const ns = (await table.locator('td[data-cell] .n').allTextContents()).map((t) => Number(t.replace(/\D/g, '')));
  const caption = (await table.locator('caption').textContent()) ?? '';
  expect(caption).toContain(`(${ns.reduce((a, b) => a + b, 0)} calls)`);
  // The full report stays one link away, for the same program and month.
  await expect(page.getByRole('link', { name: 'All reachability figures of this program' })).toHaveAttribute(
    'href',
    new RegExp(`programId=${energy}&from=${lastMonth()}-01&to=${lastMonth()}-\\d\\d`)
  );

  const { violations } = await new AxeBuilder({ page }).analyze();
  expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes[0]?.target}`)).toEqual(
    []
  );

  // On a phone the grid becomes a list of each weekday's hours: the page never scrolls sideways.
  await page.setViewportSize({ width: 390, height: 844 });
  await page.reload({ waitUntil: 'networkidle' });
  await expect(grid.locator('td[data-cell]').first()).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await page.setViewportSize({ width: 1280, height: 900 });

  // A month long before the demo: no grid, a sentence instead.
  await page.goto(`/client/programs/${energy}?month=2020-01`, { waitUntil: 'networkidle' });
  await expect(page.getByTestId('portal-heatmap-empty')).toHaveText(/No mystery calls were made to this program in/);
  await expect(page.getByTestId('portal-heatmap')).toHaveCount(0);

  // Another client's program does not exist for the energy auditor.
  const other = await page.goto(`/client/programs/${telco}?month=${lastMonth()}`);
  expect(other?.status()).toBe(404);
});
