import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { signInAsDemo } from './support/sign-in';
import { revealedCalibrationSession, type CalibrationFixture } from './support/calibration-results-fixture';

/**
 * Calibration results (issue 15): the facilitator (qa@) opens a revealed session, reads the agreement table with
 * the bands in words, records the agreed answers of a call (prefilled with the suggestion), and each evaluator's
 * deviation appears; the evaluators page shows it over time, and a team lead sees only itself there. Axe-clean at
 * 1280 and 390 px.
 */
let s: CalibrationFixture;

test.beforeAll(async () => {
  s = await revealedCalibrationSession(`E2E calibration ${Date.now().toString(36)}`);
});

async function axeClean(page: Page) {
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 900 });
    const { violations } = await new AxeBuilder({ page }).analyze();
    expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
    // Readable on a phone: the tables stack, nothing scrolls sideways at 390 px.
    const { scrollWidth, clientWidth } = await page.evaluate(() => ({
      scrollWidth: document.documentElement.scrollWidth,
      clientWidth: document.documentElement.clientWidth
    }));
    if (width === 390) expect(scrollWidth, `${width} px`).toBeLessThanOrEqual(clientWidth);
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

test('the facilitator reads the agreement, records the agreed answers, and the deviations appear', async ({ page }) => {
  await signInAsDemo(page, 'qa@demo.attentive.test');
  await page.goto(`/calibration/${s.sessionId}/results`);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Calibration results');
  const agreement = page.getByTestId('agreement');
  // The disputed yes/no item: alpha below 0.667, said in words and flagged; the others agree fully.
  const disputed = agreement.locator(`tr[data-item="${s.disputedItemId}"]`);
  await expect(disputed).toContainText('below 0.667: do not rely on this item');
  await expect(disputed).toContainText('Reword?');
  await expect(agreement.getByText('0.800 or more: reliable').first()).toBeVisible();
  await expect(agreement.locator('tr[data-item="overall"]')).toContainText('Mean spread per call');

  // Before any agreed answer, no deviation can be said.
  const deviation = page.getByTestId('deviation');
  await expect(deviation.getByText('no agreed answers yet').first()).toBeVisible();
  await axeClean(page);

  // The first call: the suggestion (majority/median) is prefilled and marked as such; save it.
  const call = page.getByTestId(`call-${s.callIds[0]}`);
  await expect(call.getByText('suggestion (majority or median), not saved yet').first()).toBeVisible();
  await expect(call.getByTestId(`agreed-${s.callIds[0]}-${s.disputedItemId}`)).toHaveValue('yes');
  await call.getByTestId(`save-consensus-${s.callIds[0]}`).click();
  await expect(call.getByRole('status')).toContainText('Agreed answers saved.');
  await expect(call).toContainText('score of the agreed answers');

  // admin@ said "no" where the group agreed "yes": it scores lower than agreed; qa@ and tl01@ as agreed on that call.
  const admin = deviation.locator(`tr[data-evaluator="${s.participants[2]}"]`);
  await expect(admin).toContainText(/scores lower than agreed by [\d.,]+ points/);
  await expect(deviation.locator(`tr[data-evaluator="${s.participants[1]}"]`)).toContainText('scores as agreed');

  // The session notes.
  await page.getByLabel('What was discussed and agreed').fill('Reword the greeting item: the guidance is ambiguous.');
  await page.getByRole('button', { name: 'Save notes' }).click();
  await expect(page.getByText('Notes saved.')).toBeVisible();
  await axeClean(page);

  // Keyboard: the agreed-answer controls are reachable by Tab.
  await page.getByTestId(`agreed-${s.callIds[1]}-${s.disputedItemId}`).focus();
  await page.keyboard.press('Tab');
  await expect(page.locator(':focus')).toHaveAttribute('name', `b:${s.disputedItemId}`);

  await page.getByRole('link', { name: 'Evaluators over time' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Evaluators over time' })).toBeVisible();
  const row = page.locator(`[data-testid="evaluator"][data-name="${s.participants[2]}"]`);
  await expect(row).toBeVisible();
  // A manager sees every evaluator (the demo's own sessions may add more), each with a drift word or why not.
  await expect(row.getByTestId('drift')).toContainText(/Too few sessions to tell a trend|Steady|Drifting (up|down)/);
  for (const name of s.participants) await expect(page.locator(`[data-testid="evaluator"][data-name="${name}"]`)).toHaveCount(1);
  await axeClean(page);
});

test('a participating team lead reads the results (no recording) and sees only itself over time', async ({ page }) => {
  await signInAsDemo(page, 'tl01@demo.attentive.test');
  await page.goto(`/calibration/${s.sessionId}/results`);
  await expect(page.getByTestId('agreement')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Save the agreed answers of this call' })).toHaveCount(0);
  await expect(page.getByText('Reword the greeting item')).toBeVisible();
  await axeClean(page);
  await page.goto('/calibration/evaluators');
  await expect(page.locator('[data-testid="evaluator"]')).toHaveCount(1);
  await expect(page.locator('[data-testid="evaluator"]')).toHaveAttribute('data-name', s.participants[1]!);
});

test('an agent does not find the results', async ({ page }) => {
  await signInAsDemo(page, 'agent001@demo.attentive.test');
  const res = await page.goto(`/calibration/${s.sessionId}/results`);
  expect(res?.status()).toBe(404);
});
