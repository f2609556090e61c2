import { expect, test, type Page } from '@playwright/test';
import { signInAsDemo } from './support/sign-in';

// The coaching story of the demo (packages/db/src/demo/coaching.ts): Yara (AG009, team T01) has a
// recorded call evaluated yesterday by her team lead (TL01), with comments pinned to moments.
const AGENT = 'agent009@demo.attentive.test';
const LEAD = 'tl01@demo.attentive.test';

test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

async function signOut(page: Page) {
  // On a phone the header's links and the sign-out button sit behind the Menu button.
  const menu = page.getByRole('button', { name: 'Menu' });
  if (await menu.isVisible()) await menu.click();
  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.waitForURL((u) => u.pathname.startsWith('/sign-in') || u.pathname === '/');
}

test('on a phone, an agent reads, plays, acknowledges and disputes; the lead accepts; the agent sees the new revision', async ({
  page
}) => {
  await signInAsDemo(page, AGENT);
  await page.goto('/me');
  await expect(page.getByRole('heading', { name: /^Hello, Yara/ })).toBeVisible();
  await expect(page.getByRole('img', { name: /Customer-friendly × customer-oriented/ })).toBeVisible();

  // The newest evaluation (the recorded call) is at the top of "New evaluations".
  await page.getByTestId('new-evaluation').first().click();
  await page.waitForURL(/\/me\/evaluations\/\d+$/);
  const evaluationUrl = page.url();
  await expect(page.getByTestId('revision')).toHaveText('Revision 1');

  // Play the recording from a pinned moment.
  const moment = page.getByTestId('pinned-moment').first();
  await expect(moment).toBeEnabled({ timeout: 15_000 });
  await moment.click();
  await expect(page.getByTestId('current-time')).not.toHaveText(/^0:00 \//, { timeout: 15_000 });
  await page.getByTestId('play').click(); // pause
  await expect(page.getByTestId('play')).toHaveText(/Play/);

  // Acknowledge.
  await page.getByTestId('acknowledge').click();
  await expect(page.getByTestId('acknowledged')).toBeVisible();
  await expect(page.getByTestId('acknowledge')).toHaveCount(0);

  // Dispute one item the lead scored as failed, with a reason and the answer the agent proposes.
  const failed = page.locator('li.item:has(.ans.fail):has(input[type="checkbox"])').first();
  const itemId = (await failed.getAttribute('data-testid'))!.replace(/^item-/, '');
  await page.getByTestId(`dispute-${itemId}`).check();
  await page.getByTestId(`reason-${itemId}`).fill('At 1:10 I explain what happens next before the customer asks.');
  await failed.locator('select').selectOption({ index: 1 });
  await page.getByTestId('send-dispute').click();
  await expect(page.getByTestId(`dispute-outcome-${itemId}`)).toHaveText(/waiting for your lead/);
  await expect(page.getByTestId('dispute-status').first()).toHaveText('Open');
  await signOut(page);

  // The team lead resolves it from the coaching desk: accept.
  await signInAsDemo(page, LEAD);
  await page.goto('/coaching');
  // The row names the item by its text; its id is only in a data attribute (never shown).
  const row = page.locator(`[data-testid="dispute-row"][data-items~="${itemId}"]`).filter({ hasText: 'Yara' });
  await expect(row).not.toContainText(itemId);
  await expect(row).toHaveCount(1);
  await row.getByTestId('resolve-link').click();
  await page.waitForURL(/\/coaching\/disputes\/\d+$/);
  await page.getByTestId(`accept-${itemId}`).check();
  await expect(page.getByTestId(`answer-${itemId}`)).toBeVisible();
  await page.getByTestId('resolution-reason').fill('Listened again: the next step is offered unasked at 1:10.');
  await page.getByTestId('resolve').click();
  await expect(page.getByTestId('resolved')).toContainText('revision 2');
  await expect(page.getByTestId('status')).toHaveText('Accepted');
  await signOut(page);

  // The agent sees the outcome and the new revision.
  await signInAsDemo(page, AGENT);
  await page.goto(evaluationUrl);
  await expect(page.getByTestId('revision')).toHaveText('Revision 2');
  await expect(page.getByTestId(`dispute-outcome-${itemId}`)).toHaveText('Dispute accepted');
  await expect(page.getByTestId('dispute-status').first()).toHaveText('Accepted');
  await expect(page.getByTestId('acknowledge')).toBeVisible(); // a new revision is read anew
});
