import { createClient } from '@libsql/client';
import { expect, test, type Page } from '@playwright/test';
import { signInAsDemo } from './support/sign-in';

/** A demo call of team T01 that nobody evaluated yet (recorded if one is left, else transcribed): tl01 leads T01. */
async function unscoredCallOfTeam01() {
  const db = createClient({ url: process.env.E2E_DATABASE_URL! });
  try {
    const r = await db.execute(`
      SELECT c.id AS id FROM calls c
      JOIN people p ON p.id = c.agent_id JOIN teams t ON t.id = p.team_id
      WHERE t.code = 'T01' AND NOT EXISTS (SELECT 1 FROM evaluations e WHERE e.call_id = c.id)
      ORDER BY c.recording_path IS NULL, NOT EXISTS (SELECT 1 FROM call_transcripts ct WHERE ct.call_id = c.id), c.id DESC LIMIT 1`);
    const id = r.rows[0]?.id;
    if (id == null) throw new Error('the demo data has no unscored call of team T01');
    return Number(id);
  } finally {
    db.close();
  }
}

/** Presses Tab until `target` has the focus (at most `max` times): the keyboard's only way through the page. */
async function tabTo(page: Page, target: ReturnType<Page['getByTestId']>, max = 80) {
  for (let i = 0; i < max; i++) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${target}`);
}

const focusedRadio = (page: Page) => page.locator('[data-testid="scorecard"] [role="radio"]:focus');

test('a team lead scores and submits an evaluation with Tab, the arrow keys, Enter and Space only', async ({ page }) => {
  const callId = await unscoredCallOfTeam01();
  await signInAsDemo(page, 'tl01@demo.attentive.test');
  await page.goto(`/evaluate/${callId}`, { waitUntil: 'networkidle' });

  const items = page.locator('[data-testid="scorecard"] [data-index]');
  const count = await items.count();
  expect(count).toBeGreaterThan(3);
  // Each item's answers are one radio group in the Tab order, its shortcut printed on each answer (not only a tooltip).
  await expect(items.first().getByRole('radiogroup')).toBeVisible();
  await expect(items.first().getByRole('radio').first().locator('kbd')).toBeVisible();
  await expect(page.locator('#scoring-keys')).toBeVisible();

  // The keyboard starts on the first item's answers.
  await expect(focusedRadio(page)).toHaveCount(1);
  await expect(items.nth(0).locator('[role="radio"]:focus')).toHaveCount(1);

  // Item 1: → chooses the second answer (a radio group selects as it moves), Enter confirms and goes on.
  await page.keyboard.press('ArrowRight');
  await expect(items.nth(0).locator('[role="radio"]').nth(1)).toHaveAttribute('aria-checked', 'true');
  await expect(items.nth(0).locator('[role="radio"]').nth(1)).toBeFocused();
  await page.keyboard.press('ArrowLeft');
  await expect(items.nth(0).locator('[role="radio"]').nth(0)).toHaveAttribute('aria-checked', 'true');
  await page.keyboard.press('Enter');
  await expect(items.nth(1).locator('[role="radio"]:focus')).toHaveCount(1);

  // Item 2 is left open on purpose (↓ moves on without answering) when it is required; the rest: Space takes the focused answer.
  const skip = (await items.nth(1).getByRole('radiogroup').getAttribute('aria-required')) === 'true' ? 1 : -1;
  for (let i = 1; i < count; i++) {
    await expect(items.nth(i).locator('[role="radio"]:focus')).toHaveCount(1);
    if (i === skip) await page.keyboard.press('ArrowDown');
    else {
      await page.keyboard.press(i % 2 ? 'Space' : 'Enter');
      await expect(items.nth(i)).toHaveClass(/answered/);
    }
  }
  await expect(page.getByTestId('save-state')).toContainText('saved');

  // Tab to the submit button and press Enter.
  const submit = page.getByTestId('submit');
  await tabTo(page, submit);
  await page.keyboard.press('Enter');
  if (skip > 0) {
    // Refused: the message at the button names the item by its text (never an internal id) and the focus goes to it.
    const text = (await items.nth(skip).locator('.text').textContent())!.trim();
    const problems = page.getByTestId('submit-problems');
    await expect(problems).toBeVisible();
    await expect(problems).toContainText(text);
    await expect(problems.getByRole('link', { name: new RegExp(text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) })).toBeVisible();
    await expect(items.nth(skip).locator('[role="radio"]:focus')).toHaveCount(1);
    await expect(items.nth(skip).locator('[role="radio"]:focus')).toBeInViewport();
    await page.keyboard.press('Space');
    await expect(items.nth(skip)).toHaveClass(/answered/);
    await tabTo(page, submit);
    await page.keyboard.press('Enter');
  }

  // Submitted: the confirmation takes the focus, with the way on.
  await expect(page.getByTestId('submitted')).toBeFocused();
  await expect(page.getByTestId('status')).toHaveText('submitted · rev 1');
  // Nothing was clicked: every answer came from the keyboard.
  await expect(page.locator('[data-testid="scorecard"] [role="radio"][aria-checked="true"]')).toHaveCount(count);
});
