import { createClient } from '@libsql/client';
import { expect, test } from '@playwright/test';
import { signInAsDemo } from './support/sign-in';

/** A demo call with a recording, and the sign-in of the team lead of its agent's team (TLnn leads Tnn). */
async function recordedCallAndLead() {
  const db = createClient({ url: process.env.E2E_DATABASE_URL! });
  try {
    const r = await db.execute(`
      SELECT c.id AS id, t.code AS team FROM calls c
      JOIN people p ON p.id = c.agent_id JOIN teams t ON t.id = p.team_id
      JOIN people lead ON lead.code = 'TL' || substr(t.code, 2) AND lead.tenant_id = c.tenant_id AND lead.user_id IS NOT NULL
      WHERE c.recording_path IS NOT NULL
        AND NOT EXISTS (SELECT 1 FROM evaluations e WHERE e.call_id = c.id)
      ORDER BY c.id LIMIT 1`);
    const row = r.rows[0];
    if (!row) throw new Error('the demo data has no recorded call with a team lead account');
    return { callId: Number(row.id), email: `tl${String(row.team).slice(1).toLowerCase()}@demo.attentive.test` };
  } finally {
    db.close();
  }
}

test('a team lead scores a recorded call: plays it, pins a comment, scores by keyboard, submits and revises', async ({ page }) => {
  const { callId, email } = await recordedCallAndLead();
  await signInAsDemo(page, email);
  await page.goto(`/evaluate/${callId}`);

  // The waveform from server peaks, then play the recording through the media element.
  const play = page.getByTestId('play');
  await expect(play).toBeEnabled();
  await play.click();
  await expect(page.getByTestId('current-time')).not.toHaveText(/^0:00 \//, { timeout: 15_000 });
  await page.keyboard.press('l'); // +5 s from the keyboard
  await play.click(); // pause
  await expect(play).toHaveText('Play');
  const at = (await page.getByTestId('current-time').textContent())!.split(' / ')[0]!;

  // A comment pinned to this moment: 'm' opens it, Enter saves; a marker appears on the waveform.
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('m');
  await page.getByLabel('Comment text').fill('Customer asks twice for the meter reading date here');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('comments')).toContainText('meter reading date');
  await expect(page.getByTestId('comments')).toContainText(at);
  await expect(page.locator('button.marker')).toHaveCount(1);

  // Score: the first items by keyboard (focus, key, auto-advance), the rest with the mouse.
  const items = page.locator('[data-testid="scorecard"] [data-index]');
  const count = await items.count();
  expect(count).toBeGreaterThan(4);
  await items.nth(0).getByRole('radio').first().focus();
  for (let i = 0; i < 3; i++) {
    const key = (await items.nth(i).locator('button.opt').first().getAttribute('title'))!.replace('Key ', '');
    await page.keyboard.press(key);
    await expect(items.nth(i)).toHaveClass(/answered/);
    await expect(items.nth(i + 1).locator('[role="radio"]:focus')).toHaveCount(1); // moved on by itself
  }
  for (let i = 3; i < count; i++) {
    const item = items.nth(i);
    if (await item.evaluate((el) => el.classList.contains('answered'))) continue;
    await item.locator('button.opt').first().click();
  }
  await expect(page.getByTestId('save-state')).toContainText('saved');
  await expect(page.getByTestId('overall-score')).not.toHaveText('–');
  await page.screenshot({ path: 'test-results/evaluate-scoring.png' });

  // Submit with Ctrl+Enter: revision 1.
  await page.keyboard.press('Control+Enter');
  await expect(page.getByTestId('status')).toHaveText('submitted · rev 1');
  const history = page.getByTestId('revision-history');
  await expect(history.locator('li')).toHaveCount(1);

  // Edit: change one answer, a reason is required, then revision 2.
  await page.getByTestId('edit').click();
  const first = items.nth(0);
  const options = first.locator('button.opt');
  const current = await options.evaluateAll((els) => els.findIndex((e) => e.classList.contains('on')));
  await options.nth(current === 0 ? 1 : 0).click();
  await page.getByTestId('save-revision').click();
  await expect(page.getByTestId('error')).toContainText('Say why');
  await page.getByTestId('reason').fill('Re-listened: the greeting came after the customer spoke');
  await page.getByTestId('save-revision').click();
  await expect(page.getByTestId('status')).toHaveText('submitted · rev 2');
  await expect(history.locator('li')).toHaveCount(2);
  await expect(history).toContainText('Re-listened: the greeting came after the customer spoke');
  await expect(history.locator('li[data-revision="1"]')).toContainText('Submitted');

  // Both revisions stay readable after a reload, with the answer that changed.
  await page.reload();
  await expect(page.getByTestId('status')).toHaveText('submitted · rev 2');
  await page.locator('li[data-revision="2"] button.head').click();
  await expect(page.locator('li[data-revision="2"] tr.changed')).toHaveCount(1);
  await page.screenshot({ path: 'test-results/evaluate-screen.png', fullPage: true });

  // The list shows it.
  await page.goto('/evaluations?mine=true');
  await expect(page.getByTestId('evaluations-table')).toContainText('rev 2');
  await expect(page.getByTestId('aggregates')).toContainText('Team');
  await page.screenshot({ path: 'test-results/evaluations-list.png' });
});

test('from the work queue: the first item has the focus, a missing answer is named by its text next to it, success says so and offers the next call', async ({
  page
}) => {
  await signInAsDemo(page, 'tl01@demo.attentive.test');
  await page.goto('/work');
  const open = page.getByTestId('open-next');
  const href = (await open.getAttribute('href'))!;
  await open.click();
  await expect(page).toHaveURL(new RegExp(`${href}$`));

  // The keyboard starts on the first unanswered item.
  const items = page.locator('[data-testid="scorecard"] [data-index]');
  await expect(items.first()).toBeVisible();
  await expect(page.locator('[data-testid="scorecard"] [data-index]:not(.answered)').first().locator('[role="radio"]:focus')).toHaveCount(
    1
  );

  // Leave one required item (not the first) unanswered, answer the rest.
  const required = items.filter({ hasNot: page.locator('.badge', { hasText: 'optional' }) });
  const left = required.nth(1);
  const leftId = (await left.getAttribute('data-item'))!;
  const leftText = (await left.locator('.text').textContent())!.trim();
  const count = await items.count();
  for (let i = 0; i < count; i++) {
    const item = items.nth(i);
    if ((await item.getAttribute('data-item')) === leftId) continue;
    if (await item.evaluate((el) => el.classList.contains('answered'))) continue;
    await item.locator('button.opt').first().click();
  }
  await expect(page.getByTestId('save-state')).toContainText('saved');
  await page.getByTestId('submit').click();

  // Refused: the item says so next to its text, has the focus, and the summary at the button links to it by its text.
  await expect(left.getByTestId('item-problem')).toHaveText('Required: choose an answer.');
  await expect(left.locator('[role="radio"]:focus')).toHaveCount(1);
  const summary = page.getByTestId('submit-problems');
  await expect(summary).toContainText(leftText);
  await expect(summary).not.toContainText(leftId);
  await expect(page.getByTestId('error')).toHaveCount(0);
  await page.screenshot({ path: 'test-results/evaluate-submit-refused.png', fullPage: true });
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await summary.getByRole('link', { name: new RegExp(leftText.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) }).click();
  await expect(left.locator('[role="radio"]:focus')).toHaveCount(1);

  // Answer it by keyboard and submit: it worked, and the next call of the queue is one click away.
  const key = (await left.locator('button.opt').first().getAttribute('title'))!.replace('Key ', '');
  await page.keyboard.press(key);
  await expect(left.getByTestId('item-problem')).toHaveCount(0);
  await page.getByTestId('submit').click();
  await expect(page.getByTestId('submitted')).toContainText('Evaluation submitted');
  await expect(page.getByTestId('submitted')).toBeFocused();
  await expect(page.getByTestId('status')).toHaveText('submitted · rev 1');
  const next = page.getByTestId('next-call');
  await expect(next).toBeVisible();
  await page.screenshot({ path: 'test-results/evaluate-submitted-next.png', fullPage: true });
  const nextHref = (await next.getAttribute('href'))!;
  expect(nextHref).not.toBe(href);
  await next.click();
  await expect(page).toHaveURL(new RegExp(`${nextHref}$`));
  await expect(page.locator('[data-testid="scorecard"] [data-index]:not(.answered)').first().locator('[role="radio"]:focus')).toHaveCount(
    1
  );
});
