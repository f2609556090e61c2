import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { signInAsDemo } from './support/sign-in';

/** No serious or critical axe violation in the state the page is in (field errors shown, edit form open, retired). */
async function expectAccessible(page: Page, what: string) {
  const { violations } = await new AxeBuilder({ page }).analyze();
  const blocking = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes[0]?.target}`);
  expect(blocking, what).toEqual([]);
}

test('QA gives a program its survey template, saves a second version and sees the survey in Dutch and English', async ({ page }) => {
  await signInAsDemo(page, 'qa@demo.attentive.test');
  // The hub shows the templates to those who keep them.
  await page.goto('/surveys', { waitUntil: 'networkidle' });
  await page.getByTestId('hub-templates').click();
  await expect(page.getByRole('heading', { name: 'Survey templates', level: 1 })).toBeVisible();
  // The demo's programs asked by phone and by link have their standard survey.
  await expect(page.getByTestId('templates').getByRole('link', { name: 'Standard survey' })).toHaveCount(2);

  // A program without one: "Create one for …" opens the form with that program chosen.
  const create = page
    .getByTestId('templates')
    .getByRole('link', { name: /^Create one for / })
    .first();
  const program = (await create.textContent())!.replace('Create one for ', '').trim();
  await create.click();
  await expect(page.getByRole('heading', { name: 'New survey template' })).toBeVisible();
  await page.waitForLoadState('networkidle');
  const form = page.getByTestId('template-form');
  await expect(form.getByLabel('Program')).toHaveValue(/\d+/);
  // It starts from the standard questions (seven), in both languages.
  await expect(form.getByTestId('question')).toHaveCount(7);
  const name = `After-call survey ${Date.now().toString(36)}`;
  await form.getByLabel('Name', { exact: true }).fill(name);

  // A second CSAT question is refused beside its field; what was typed stays.
  await form.getByLabel('Kind of question to add').selectOption('comment');
  await form.getByTestId('add-question').click();
  await expect(form.getByTestId('question')).toHaveCount(8);
  const added = form.getByTestId('question').nth(7);
  await added.getByLabel('Question (English)').fill('What should we do better?');
  await added.getByLabel('Question (Dutch)').fill('Wat moeten we beter doen?');
  await form.getByTestId('question').nth(4).getByLabel('Kind').selectOption('csat');
  await form.getByRole('button', { name: 'Add template' }).click();
  await expect(page.getByRole('alert')).toBeVisible();
  const refusedKind = page.getByTestId('template-form').getByTestId('question').nth(4).getByLabel('Kind');
  await expect(refusedKind).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByTestId('template-form').getByLabel('Name', { exact: true })).toHaveValue(name);
  await expectAccessible(page, 'the new-template form with a field error');
  await refusedKind.selectOption('nps');
  await page.getByTestId('template-form').getByRole('button', { name: 'Add template' }).click();

  await expect(page).toHaveURL(/\/surveys\/templates\/\d+$/);
  await expect(page.getByTestId('template-name')).toHaveText(name);
  await expect(page.getByTestId('shown-version')).toContainText('Current version (1)');
  await expect(page.getByText(program, { exact: true })).toBeVisible();
  // The preview: the customer's words and answers in each language.
  // (the edit form has a live preview of its own, folded away)
  const nl = page.getByTestId('version-preview').getByTestId('preview-nl');
  const en = page.getByTestId('version-preview').getByTestId('preview-en');
  await expect(nl).toContainText('Hoe tevreden bent u over het gesprek');
  await expect(nl).toContainText('Wat moeten we beter doen?');
  await expect(nl.getByRole('list', { name: 'Antwoord van 0 tot 10' })).toBeVisible();
  await expect(nl.getByText('Ja', { exact: true }).first()).toBeVisible();
  await expect(en).toContainText('How satisfied are you with the call');
  await expect(en.getByRole('list', { name: 'Answer from 1 to 5' }).locator('li')).toHaveCount(5);
  await expect(en.getByRole('list', { name: 'Answer from 1 to 7' })).toBeVisible();

  // A change is a new version with a note: drop the NPS question, reword the Dutch CSAT.
  await page.getByTestId('edit-template').click();
  const edit = page.getByTestId('edit-form');
  const questions = edit.getByTestId('question');
  await expect(questions).toHaveCount(8);
  await questions.nth(4).getByRole('button', { name: 'Remove question 5' }).click();
  await expect(questions).toHaveCount(7);
  await questions
    .nth(0)
    .getByLabel('Question (Dutch)')
    .fill('Hoe tevreden bent u over ons gesprek? (1 = zeer ontevreden, 5 = zeer tevreden)');
  // Move the added comment question up one place, by keyboard.
  await questions.nth(6).getByRole('button', { name: 'Move question 7 up' }).focus();
  await page.keyboard.press('Enter');
  await expect(questions.nth(5).getByLabel('Question (English)')).toHaveValue('What should we do better?');
  await edit.getByLabel('What changed').fill('no NPS; shorter Dutch CSAT');
  await expectAccessible(page, 'a template with its edit form open');
  await edit.getByRole('button', { name: 'Save as version 2' }).click();
  await expect(page.getByRole('status')).toHaveText('Saved as version 2.');
  await expect(page.getByTestId('shown-version')).toContainText('Current version (2)');
  await expect(nl).toContainText('Hoe tevreden bent u over ons gesprek?');
  await expect(nl.getByRole('list', { name: 'Antwoord van 0 tot 10' })).toHaveCount(0);
  const history = page.getByTestId('template-history');
  await expect(history.locator('li')).toHaveCount(2);
  await expect(history.locator('li').first()).toContainText('no NPS; shorter Dutch CSAT');

  // Version 1 stays readable from the history, with its own preview.
  await history.getByRole('link', { name: 'Version 1' }).click();
  await expect(page.getByTestId('shown-version')).toContainText('Version 1');
  await expect(nl.getByRole('list', { name: 'Antwoord van 0 tot 10' })).toBeVisible();

  // Retired, it is listed apart.
  page.once('dialog', (d) => d.accept());
  await page.getByTestId('retire-template').click();
  await expect(page.getByTestId('retired-badge')).toBeVisible();
  await page.goto('/surveys/templates');
  await expect(page.getByTestId('retired-templates').getByRole('link', { name })).toBeVisible();
  await expectAccessible(page, 'the template list with a retired template');

  // On a phone: the hub, the list, the form and a template fit the width.
  await page.setViewportSize({ width: 390, height: 844 });
  const id = (await page.getByTestId('retired-templates').getByRole('link', { name }).getAttribute('href'))!.split('/').pop();
  for (const path of ['/surveys', '/surveys/templates', '/surveys/templates/new', `/surveys/templates/${id}`]) {
    await page.goto(path);
    expect(await page.evaluate(() => document.documentElement.scrollWidth), path).toBeLessThanOrEqual(390);
  }
});

test('a team lead sees no templates: not in the survey hub, and the pages do not exist for it', async ({ page }) => {
  await signInAsDemo(page, 'tl01@demo.attentive.test');
  await page.goto('/surveys');
  await expect(page.getByRole('heading', { name: 'Surveys', level: 1 })).toBeVisible();
  await expect(page.getByTestId('hub-templates')).toHaveCount(0);
  for (const path of ['/surveys/templates', '/surveys/templates/new', '/surveys/templates/1']) {
    const res = await page.goto(path);
    expect(res?.status(), path).toBe(404);
  }
  const api = await page.request.get('/api/surveys/templates');
  expect(api.status()).toBe(403);
});
