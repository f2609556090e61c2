import { expect, test, type Page } from '@playwright/test';
import { signInAsDemo } from './support/sign-in';
import { axeClean } from './support/axe';

/**
 * The client's blind re-score (issue 17, docs/client-audit.md "The blind re-score"): ENERGY's auditor draws 5% of
 * last month's evaluations of EN-CARE, opens the first drawn call, cannot see the contact center's score of it (not
 * on the screen, not through the API), scores it with the keyboard and submits; then both scores are shown side by
 * side and the re-score's comparison rests on n = 1.
 */
const focusedRadio = (page: Page) => page.locator('[data-testid="scorecard"] [role="radio"]:focus');

test('auditor.energy re-scores 5% of last month of EN-CARE blind, with the keyboard, then sees both scores and n = 1', async ({ page }) => {
  await signInAsDemo(page, 'auditor.energy@demo.attentive.test');
  await page.goto('/client/rescores', { waitUntil: 'networkidle' });
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Blind re-scores');
  await axeClean(page);

  // The form defaults to last month and 5%; choose EN-CARE.
  const option = page.locator('[data-testid="program"] option', { hasText: 'EN-CARE' });
  await page.getByTestId('program').selectOption((await option.getAttribute('value'))!);
  await expect(page.getByTestId('share')).toHaveValue('5');
  await page.getByTestId('request').click();
  await page.waitForURL(/\/client\/rescores\/\d+$/);
  await expect(page.getByTestId('verify')).toContainText('Verified');
  await expect(page.getByTestId('seed')).toHaveText(/^[0-9a-f]{64}$/);
  await expect(page.getByTestId('none-scored')).toBeVisible();
  await expect(page.getByTestId('progress')).toHaveText(/^0 of \d+$/);
  await axeClean(page);

  // The population download: a CSV of the evaluations with rank and drawn flag.
  const csv = await page.request.get(`${page.url().replace(/\/client\//, '/api/client/')}/population.csv`);
  expect(csv.status()).toBe(200);
  expect((await csv.text()).split('\n')[0]).toBe('evaluation_id,rank,drawn');

  await page.getByTestId('item-link').first().click();
  await page.waitForURL(/\/items\/\d+$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/^Call 1 of \d+$/);
  await expect(page.getByTestId('blind-notice')).toBeVisible();
  await expect(page.getByTestId('both-scores')).toHaveCount(0);
  await expect(page.getByTestId('score-state')).toHaveText('Not started');
  await axeClean(page);

  // Not through the API either: the call's evaluations are sealed from the client's auditor.
  const [, rescoreId, itemId] = /\/client\/rescores\/(\d+)\/items\/(\d+)$/.exec(page.url())!;
  const item = await (await page.request.get(`/api/client/rescores/${rescoreId}/items/${itemId}`)).json();
  expect(item.contactCenter).toBeNull();
  const callId = item.call.id as number;
  const before = await (await page.request.get(`/api/evaluations?callId=${callId}`)).json();
  expect(before.items).toEqual([]);
  expect((await (await page.request.get(`/api/calls/${callId}/evaluation-context`)).json()).evaluations).toEqual([]);

  // Every item with the keyboard, as on the evaluation screen.
  const items = page.locator('[data-testid="scorecard"] [data-index]');
  const count = await items.count();
  expect(count).toBeGreaterThan(2);
  await items.nth(0).locator('[role="radio"]').first().focus();
  for (let i = 0; i < count; i++) {
    await expect(focusedRadio(page)).toHaveCount(1);
    await page.keyboard.press(i === 0 ? 'ArrowRight' : 'Enter');
    if (i === 0) await page.keyboard.press('Enter');
    await expect(items.nth(i)).toHaveClass(/answered/);
  }
  await expect(page.getByTestId('save-state')).toContainText('saved');
  await expect(page.getByTestId('score-state')).toHaveText('Draft');

  await page.keyboard.press('Control+Enter');
  const both = page.getByTestId('both-scores');
  await expect(both).toBeFocused();
  await expect(page.getByTestId('cc-score')).not.toHaveText('–');
  await expect(page.getByTestId('client-score')).not.toHaveText('–');
  await expect(page.getByTestId('score-state')).toHaveText('Submitted');
  await axeClean(page);
  // Now the contact center's evaluation of the call is readable.
  const after = await (await page.request.get(`/api/evaluations?callId=${callId}`)).json();
  expect(after.items.length).toBeGreaterThanOrEqual(2);

  await page.getByTestId('back').click();
  await page.waitForURL(/\/client\/rescores\/\d+$/);
  await expect(page.getByTestId('progress')).toHaveText(/^1 of \d+$/);
  await expect(page.getByTestId('overall-n')).toHaveText('1');
  await expect(page.getByTestId('overall-words')).toContainText('n = 1');
  await expect(page.getByTestId('overall-words')).toContainText('Too few scored calls to say');
  await axeClean(page);

  // 390 px: the list and the comparison stay usable (no sideways scrolling of the page).
  await page.setViewportSize({ width: 390, height: 800 });
  await page.reload({ waitUntil: 'networkidle' });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(1);
});
