import { expect, test, type Page } from '@playwright/test';
import { signInAsDemo } from './support/sign-in';
import { calibrationSessionForE2e } from './support/calibration-fixture';
import { axeClean } from './support/axe';

/**
 * Blind calibration scoring (issue 15, docs/calibration-scoring.md): a participant scores a session's call with the
 * keyboard, submits and lands on the next call; another participant opening the same call sees an empty form.
 */
/** CALIBRATION_SCORING_SHOTS=<dir>: screenshots of the screen at 1280 and 390 px, for a look by eye. */
async function shot(page: Page, name: string) {
  const dir = process.env.CALIBRATION_SCORING_SHOTS;
  if (dir) await page.screenshot({ path: `${dir}/${name}.png`, fullPage: true });
}

const focusedRadio = (page: Page) => page.locator('[data-testid="scorecard"] [role="radio"]:focus');

test('tl01 scores a calibration call blind with the keyboard and goes on; tl02 sees none of it', async ({ page, browser }) => {
  const { sessionId, callIds } = await calibrationSessionForE2e({
    participants: ['tl01@demo.attentive.test', 'tl02@demo.attentive.test']
  });
  expect(callIds.length).toBeGreaterThanOrEqual(2);
  await signInAsDemo(page, 'tl01@demo.attentive.test');
  await page.goto(`/calibration/${sessionId}/calls/${callIds[0]}`, { waitUntil: 'networkidle' });

  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Call 1 of ${callIds.length}`);
  await expect(page.getByTestId('blind-notice')).toContainText('nobody sees your answers until the facilitator reveals the session');
  await expect(page.getByTestId('score-state')).toHaveText('Not scored yet');
  await expect(page.locator('ol, [data-testid="transcript"]').first()).toBeVisible();
  await axeClean(page);
  await shot(page, 'open-1280');

  // Every item with the keyboard: the focus starts on the first item's answers; Enter takes the focused answer and goes on.
  const items = page.locator('[data-testid="scorecard"] [data-index]');
  const count = await items.count();
  expect(count).toBeGreaterThan(2);
  await expect(items.nth(0).locator('[role="radio"]:focus')).toHaveCount(1);
  for (let i = 0; i < count; i++) {
    await expect(focusedRadio(page)).toHaveCount(1);
    await page.keyboard.press(i === 0 ? 'ArrowRight' : 'Enter');
    if (i === 0) await page.keyboard.press('Enter');
    await expect(items.nth(i)).toHaveClass(/answered/);
  }
  await expect(page.getByTestId('save-state')).toContainText('saved');
  await expect(page.getByTestId('score-state')).toHaveText('Draft');

  // Ctrl+Enter submits; the focus goes to the confirmation, which offers the next call.
  await page.keyboard.press('Control+Enter');
  const done = page.getByTestId('submitted');
  await expect(done).toBeFocused();
  await expect(page.getByTestId('score-state')).toHaveText('Submitted (revision 1)');
  await axeClean(page);
  await shot(page, 'submitted-1280');
  await page.keyboard.press('Tab');
  await expect(page.getByTestId('next-call')).toBeFocused();
  await page.keyboard.press('Enter');
  await page.waitForURL(`**/calibration/${sessionId}/calls/${callIds[1]}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Call 2 of ${callIds.length}`);
  await expect(page.getByTestId('score-state')).toHaveText('Not scored yet');

  // Back on the first call the submitted score is read-only until "Change my answers".
  await page.goto(`/calibration/${sessionId}/calls/${callIds[0]}`, { waitUntil: 'networkidle' });
  await expect(page.getByTestId('edit')).toBeVisible();
  await expect(page.locator('[data-testid="scorecard"] [aria-checked="true"]')).toHaveCount(count);

  // Another participant opens the same call: its own empty form, nothing of tl01's.
  const other = await browser.newContext();
  const page2 = await other.newPage();
  await signInAsDemo(page2, 'tl02@demo.attentive.test');
  await page2.goto(`/calibration/${sessionId}/calls/${callIds[0]}`, { waitUntil: 'networkidle' });
  await expect(page2.getByTestId('score-state')).toHaveText('Not scored yet');
  await expect(page2.locator('[data-testid="scorecard"] [aria-checked="true"]')).toHaveCount(0);
  await expect(page2.locator('[data-testid="scorecard"] [data-index].answered')).toHaveCount(0);
  await other.close();

  // A phone: the same page, axe-clean, nothing wider than the screen.
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(`/calibration/${sessionId}/calls/${callIds[1]}`, { waitUntil: 'networkidle' });
  await axeClean(page);
  await shot(page, 'open-390');
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
});

test('the facilitator, who does not take part, cannot open a participant screen; an agent cannot see the session', async ({ page }) => {
  const { sessionId, callIds } = await calibrationSessionForE2e({ participants: ['tl01@demo.attentive.test'] });
  await signInAsDemo(page, 'qa@demo.attentive.test');
  const res = await page.goto(`/calibration/${sessionId}/calls/${callIds[0]}`);
  expect(res?.status()).toBe(403);
  await page.context().clearCookies();
  await signInAsDemo(page, 'agent001@demo.attentive.test');
  expect((await page.goto(`/calibration/${sessionId}/calls/${callIds[0]}`))?.status()).toBe(404);
});

test('after the reveal the screen is read-only and links to the results', async ({ page }) => {
  const { sessionId, callIds } = await calibrationSessionForE2e({ participants: ['tl01@demo.attentive.test'], revealed: true });
  await signInAsDemo(page, 'tl01@demo.attentive.test');
  await page.goto(`/calibration/${sessionId}/calls/${callIds[0]}`, { waitUntil: 'networkidle' });
  await expect(page.getByTestId('revealed')).toContainText('revealed');
  await expect(page.getByTestId('revealed').getByRole('link', { name: 'See the results' })).toHaveAttribute(
    'href',
    new RegExp(`/calibration/${sessionId}/results$`)
  );
  await expect(page.getByTestId('blind-notice')).toHaveCount(0);
  await expect(page.getByTestId('submit')).toHaveCount(0);
  await expect(page.getByTestId('edit')).toHaveCount(0);
  await expect(page.locator('[data-testid="scorecard"] [role="radio"]').first()).toHaveAttribute('aria-disabled', 'true');
  await axeClean(page);
});
