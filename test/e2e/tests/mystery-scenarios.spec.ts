import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { signInAsDemo } from './support/sign-in';

/** No serious or critical axe violation in the state the page is in (field errors shown, edit form open, retired). */
async function expectAccessible(page: Page, what: string) {
  const { violations } = await new AxeBuilder({ page }).analyze();
  const blocking = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes[0]?.target}`);
  expect(blocking, what).toEqual([]);
}

test('an admin adds a mystery-call scenario, changes it (version 2) and retires it; it stays readable', async ({ page }) => {
  await signInAsDemo(page, 'admin@demo.attentive.test');
  await page.goto('/mystery/scenarios', { waitUntil: 'networkidle' });
  await page.getByTestId('new-scenario').click();
  await expect(page.getByRole('heading', { name: 'New scenario' })).toBeVisible();
  await page.waitForLoadState('networkidle');

  const title = `Annual statement ${Date.now().toString(36)}`;
  const form = page.getByTestId('scenario-form');
  // The program narrows the scorecards to its own and the shared default.
  await form.getByLabel('Program').selectOption({ index: 1 });
  const scorecard = form.getByLabel('Scorecard');
  await expect(scorecard.locator('option')).not.toHaveCount(1);
  await scorecard.selectOption({ index: 1 });
  await form.getByLabel('Title').fill(title);
  await form.getByLabel("The customer's story").fill('   ');
  await form.getByLabel('The question').fill('Can you send me my annual statement?');
  await form.getByLabel('The right answer').fill('Yes: by e-mail at once, or by post within 5 working days.');
  await form.getByLabel('Customer-oriented opportunity').fill('Checks the e-mail address on file and offers to send it now.');
  await form.getByLabel('Difficulty').selectOption('easy');

  // Blank after trimming: the API refuses it, the form says so beside the story and keeps what was typed.
  await form.getByRole('button', { name: 'Add scenario' }).click();
  await expect(page.getByRole('alert')).toBeVisible();
  await expect(form.getByLabel("The customer's story")).toHaveAttribute('aria-invalid', 'true');
  await expect(form.getByLabel('Title')).toHaveValue(title);
  await expectAccessible(page, 'the new-scenario form with a field error');
  await form.getByLabel("The customer's story").fill('I moved last month and lost my papers.');
  await form.getByRole('button', { name: 'Add scenario' }).click();

  await expect(page).toHaveURL(/\/mystery\/scenarios\/\d+$/);
  await expect(page.getByTestId('scenario-title')).toHaveText(title);
  await expect(page.getByTestId('current-version')).toContainText('Current version (1)');
  const history = page.getByTestId('scenario-history');
  await expect(history.locator('li')).toHaveCount(1);

  // A change is a new version; the first stays in the history.
  await page.getByTestId('edit-scenario').click();
  const edit = page.getByTestId('revise-form');
  await edit.getByLabel('The question').fill('Can you send me my annual statement by e-mail today?');
  await edit.getByLabel('Difficulty').selectOption('medium');
  await edit.getByLabel('What changed').fill('asks for e-mail today');
  await expectAccessible(page, 'a scenario with its edit form open');
  await edit.getByRole('button', { name: 'Save as version 2' }).click();
  await expect(page.getByRole('status')).toHaveText('Saved as version 2.');
  await expect(page.getByTestId('current-version')).toContainText('Current version (2)');
  await expect(page.getByTestId('current-version')).toContainText('by e-mail today');
  await expect(history.locator('li')).toHaveCount(2);
  await expect(history.locator('li').first()).toContainText('Changed: The question, Difficulty');
  await expect(history.locator('li').first()).toContainText('asks for e-mail today');

  // Retiring asks first; the scenario stays readable and is listed apart.
  page.once('dialog', (d) => d.accept());
  await page.getByTestId('retire-scenario').click();
  await expect(page.getByTestId('retired-badge')).toBeVisible();
  await expect(page.getByTestId('restore-scenario')).toBeVisible();
  await expect(page.getByTestId('edit-scenario')).toHaveCount(0);
  await expectAccessible(page, 'a retired scenario');
  await page.goto('/mystery/scenarios');
  await expect(page.getByTestId('retired-scenarios').getByRole('link', { name: title })).toBeVisible();
  await expectAccessible(page, 'the scenario library with a retired scenario');

  // On a phone: the library and the scenario fit the width (no sideways scrolling).
  await page.setViewportSize({ width: 390, height: 844 });
  for (const path of ['/mystery/scenarios', '/mystery/scenarios/new']) {
    await page.goto(path);
    expect(await page.evaluate(() => document.documentElement.scrollWidth), path).toBeLessThanOrEqual(390);
  }
});
