import { expect, test } from '@playwright/test';
import { DEMO_PASSWORD } from './support/sign-in';

/**
 * The same journey in both languages: sign in → work queue → evaluation, the language chosen by the browser only
 * (tl02 never picks one, so Accept-Language decides; the demo tenant's default is Dutch).
 */
const journeys = [
  {
    locale: 'nl-NL',
    lang: 'nl',
    email: 'E-mailadres',
    password: 'Wachtwoord',
    signIn: 'Inloggen',
    workQueue: 'Werkvoorraad',
    toEvaluate: 'te beoordelen',
    open: /Beoordelen|Beoordeling verdergaan/,
    scorecard: 'Beoordelingsformulier',
    yes: 'Ja',
    submit: 'Beoordeling indienen',
    player: 'Afspelen'
  },
  {
    locale: 'en-US',
    lang: 'en',
    email: 'E-mail',
    password: 'Password',
    signIn: 'Sign in',
    workQueue: 'Work queue',
    toEvaluate: 'to evaluate',
    open: /Evaluate|Continue evaluation/,
    scorecard: 'Scorecard',
    yes: 'Yes',
    submit: 'Submit evaluation',
    player: 'Play'
  }
];

for (const j of journeys) {
  test.describe(`in ${j.locale}`, () => {
    test.use({ locale: j.locale });

    test(`a team lead signs in, opens the work queue and an evaluation (${j.lang})`, async ({ page }) => {
      await page.goto('/sign-in', { waitUntil: 'networkidle' });
      await expect(page.locator('html')).toHaveAttribute('lang', j.lang);
      await page.getByLabel(j.email).fill('tl02@demo.attentive.test');
      await page.getByLabel(j.password).fill(DEMO_PASSWORD);
      await page.getByRole('button', { name: j.signIn }).click();
      await page.waitForURL((u) => !u.pathname.startsWith('/sign-in'));

      await page.goto('/work');
      await expect(page.locator('html')).toHaveAttribute('lang', j.lang);
      await expect(page.getByRole('heading', { level: 1, name: j.workQueue })).toBeVisible();
      await expect(page.getByText(j.toEvaluate, { exact: true })).toBeVisible();
      const open = page.getByTestId('open-next');
      await expect(open).toHaveText(j.open);
      await open.click();

      await page.waitForURL(/\/evaluate\/\d+/);
      await expect(page.getByRole('heading', { level: 2, name: j.scorecard })).toBeVisible();
      await expect(page.getByTestId('scorecard').getByRole('radio', { name: j.yes }).first()).toBeVisible();
      await expect(page.getByTestId('submit')).toHaveText(j.submit);
      if (await page.getByTestId('play').count()) await expect(page.getByTestId('play')).toHaveText(j.player);
    });
  });
}
