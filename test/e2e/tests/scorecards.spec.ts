import { expect, test } from '@playwright/test';
import { signInAsDemo } from './support/sign-in';

test('an admin opens the scorecard builder, adds an item to a draft and publishes it', async ({ page }) => {
  await signInAsDemo(page, 'admin@demo.attentive.test');

  await page.getByRole('link', { name: 'Scorecards', exact: true }).click();
  await expect(page.getByTestId('scorecard-list')).toBeVisible();
  await page.getByTestId('scorecard-list').getByRole('link').first().click();

  // The published version is read-only; editing starts the next version as a draft.
  await expect(page.getByTestId('definition-view')).toBeVisible();
  const history = page.getByTestId('version-history');
  const versionsBefore = await history.locator('li').count();
  await page.getByTestId('edit-scorecard').click();
  await expect(page.getByText(`Draft version ${versionsBefore + 1}`)).toBeVisible();

  // The live preview scores the sample call through the API's one formula.
  await expect(page.getByTestId('preview-overall')).toHaveText(/\d+%/);

  // Add an optional item to the first section.
  const first = page.getByTestId('builder-section').first();
  const itemsBefore = await first.getByTestId('builder-item').count();
  await first.getByTestId('add-item').click();
  const item = first.getByTestId('builder-item').nth(itemsBefore);
  await item.getByTestId('item-text').fill('Offers a written summary of what was agreed');
  await item.getByTestId('item-id').fill('written-summary');
  await item.getByTestId('item-dimension').selectOption('customer_oriented');
  await item.getByTestId('item-weight').fill('2');
  await item.getByLabel('Required before submit').uncheck();

  // A broken id is refused by the API; the builder names the item by its text (not its id); nothing is saved.
  await item.getByTestId('item-id').fill('Written Summary!');
  await page.getByTestId('save-draft').click();
  await expect(page.getByTestId('builder-message')).toContainText('“Offers a written summary of what was agreed”: the id must be');
  await item.getByTestId('item-id').fill('written-summary');
  await page.getByTestId('save-draft').click();
  await expect(page.getByTestId('builder-message')).toHaveText('Draft saved.');

  // Publish with confirmation.
  await page.getByTestId('publish').click();
  await expect(page.getByTestId('publish-diff')).toContainText('1 (“Offers a written summary of what was agreed”) added');
  await expect(page.getByTestId('publish-diff')).toContainText('0 removed');
  await page.getByLabel('What changed').fill('Adds the written summary');
  await page.getByTestId('confirm-publish').click();

  await expect(page.getByTestId('definition-view')).toContainText('Offers a written summary of what was agreed');
  await expect(history.locator('li').first()).toContainText(`Version ${versionsBefore + 1}`);
  await expect(history.locator('li').first()).toContainText('current');
  await expect(history.locator('li').first()).toContainText('Adds the written summary');
  await expect(page.getByTestId('edit-scorecard')).toBeVisible();
});
