import { createClient } from '@libsql/client';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { signInAsDemo } from './support/sign-in';

/**
 * The survey caller's journey (issue 14): caller@ signs in and lands on its queue, takes the next customer,
 * records "no answer", goes straight on to the next, fills the survey in (a mistake first), and later works
 * the first customer again — a voicemail, then a completed survey: one customer through two attempts and
 * the answers. Done customers leave the queue. Axe on both pages, at 1280 px and at 390 px.
 * The retry spacing (hours in the demo plan) is skipped by moving the item's next try in the database.
 */

test.describe.configure({ mode: 'serial' });

async function makeDue(itemId: number) {
  const db = createClient({ url: process.env.E2E_DATABASE_URL! });
  try {
    await db.execute({ sql: 'UPDATE callback_items SET next_attempt_at = ? WHERE id = ?', args: [Date.now() - 60_000, itemId] });
  } finally {
    db.close();
  }
}

const itemIdOf = (page: Page) => Number(/\/surveys\/queue\/(\d+)/.exec(page.url())![1]);
const onScript = (page: Page) => page.waitForURL(/\/surveys\/queue\/\d+/);

async function expectAxeClean(page: Page) {
  const { violations } = await new AxeBuilder({ page }).analyze();
  expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes[0]?.target}`)).toEqual(
    []
  );
}

async function expectNoSidewaysScroll(page: Page) {
  const { scroll, client } = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    client: document.documentElement.clientWidth
  }));
  expect(scroll).toBeLessThanOrEqual(client);
}

/** The standard survey's answers (the questions' text is in the customer's language; their ids are not). */
async function answerSurvey(page: Page) {
  await page.locator('input[name="q:csat"][value="4"]').check();
  await page.locator('input[name="q:solved"][value="yes"]').check();
  // keyboard: from 1 the arrow keys walk the scale, as a caller with a headset would
  await page.locator('input[name="q:effort"][value="1"]').focus();
  await page.keyboard.press('Space');
  for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowRight');
  await expect(page.locator('input[name="q:effort"][value="6"]')).toBeChecked();
  await page.locator('input[name="q:recommend"][value="9"]').check();
  await page.getByTestId('question-comment').locator('textarea').fill('Friendly and quick.');
}

test('a caller works the queue: no answer, next customer, a completed survey; one customer through two attempts', async ({ page }) => {
  await signInAsDemo(page, 'caller@demo.attentive.test');
  await expect(page).toHaveURL((u) => u.pathname === '/surveys/queue');
  await expect(page.getByRole('heading', { level: 1, name: 'Callback queue' })).toBeVisible();
  expect(Number(await page.getByTestId('count-due-now').innerText())).toBeGreaterThanOrEqual(3);
  await expectAxeClean(page);
  await page.screenshot({ path: test.info().outputPath('queue-1280.png'), fullPage: true });

  // The first customer: no answer.
  await page.getByTestId('next-customer').click();
  await onScript(page);
  const first = itemIdOf(page);
  await expect(page.getByTestId('phone')).toHaveAttribute('href', /^tel:\+?\d+$/);
  await expect(page.getByTestId('intro')).not.toBeEmpty();
  await expect(page.getByText(/score/i)).toHaveCount(0);
  await expectAxeClean(page);
  await page.screenshot({ path: test.info().outputPath('script-1280.png'), fullPage: true });
  await page.getByTestId('outcome-no_answer').click();

  // Straight on to the next customer.
  await page.waitForURL((u) => /\/surveys\/queue\/\d+/.test(u.pathname) && itemIdOf(page) !== first);
  const second = itemIdOf(page);
  await expect(page.getByTestId('last')).toContainText('Attempt recorded');

  // A required answer missing: said beside the question, nothing saved.
  await page.locator('input[name="q:csat"][value="4"]').check();
  await page.getByTestId('save-answers').click();
  await expect(page.getByTestId('answers-error')).toBeVisible();
  await expect(page.getByTestId('question-effort')).toContainText('Answer this question');
  await expect(page.locator('input[name="q:csat"][value="4"]')).toBeChecked(); // what was filled in stays
  await expectAxeClean(page);
  await answerSurvey(page);
  await page.getByTestId('save-answers').click();
  await page.waitForURL((u) => u.pathname !== `/surveys/queue/${second}`);
  await expect(page.getByTestId('last')).toContainText('Survey saved');

  // A break: the customer we were given goes back in the queue.
  if (/\/surveys\/queue\/\d+/.test(new URL(page.url()).pathname)) {
    await page.getByTestId('release').click();
    await page.waitForURL((u) => u.pathname === '/surveys/queue');
  }
  const queue = page.getByTestId('queue-item');
  await expect(queue.and(page.locator(`[data-item="${second}"]`))).toHaveCount(0);
  await expect(queue.and(page.locator(`[data-item="${first}"]`))).toHaveCount(0); // waiting for its next try
  expect(Number(await page.getByTestId('count-my-completed').innerText())).toBeGreaterThanOrEqual(1);

  // Later: the first customer again — a voicemail.
  await makeDue(first);
  await page.reload();
  await page.locator(`[data-item="${first}"]`).getByRole('button').click();
  await expect(page).toHaveURL(new RegExp(`/surveys/queue/${first}$`));
  await expect(page.getByTestId('attempts')).toContainText('1 of at most');
  await page.getByTestId('outcome-voicemail').click();
  await page.waitForURL((u) => u.pathname !== `/surveys/queue/${first}`);
  if (/\/surveys\/queue\/\d+/.test(new URL(page.url()).pathname)) {
    await page.getByTestId('release').click();
    await page.waitForURL((u) => u.pathname === '/surveys/queue');
  }

  // And once more: this time the customer answers.
  await makeDue(first);
  await page.reload();
  await page.locator(`[data-item="${first}"]`).getByRole('button').click();
  await expect(page.getByTestId('attempts')).toContainText('2 of at most');
  await answerSurvey(page);
  await page.getByTestId('save-answers').click();
  await page.waitForURL((u) => u.pathname !== `/surveys/queue/${first}`);
  await page.goto('/surveys/queue');
  await expect(page.locator(`[data-item="${first}"]`)).toHaveCount(0);
});

test('on a phone (390 px) the queue and the script fit, and stay axe-clean', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await signInAsDemo(page, 'caller@demo.attentive.test');
  await expect(page).toHaveURL((u) => u.pathname === '/surveys/queue');
  await expectNoSidewaysScroll(page);
  await expectAxeClean(page);
  await page.getByTestId('next-customer').or(page.getByTestId('resume')).click();
  await onScript(page);
  await expectNoSidewaysScroll(page);
  await expectAxeClean(page);
  await page.screenshot({ path: test.info().outputPath('script-390.png'), fullPage: true });
  await page.getByTestId('release').click();
  await page.waitForURL((u) => u.pathname === '/surveys/queue');
});
