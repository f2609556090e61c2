import { expect, test, type Browser, type Page } from '@playwright/test';
import { signInAsDemo } from './support/sign-in';
import { axeClean } from './support/axe';

/**
 * The calibration journey of issue 15, through the screens: a QA analyst makes a session for three evaluators, they
 * score the same calls blind (none sees another's answers), the facilitator reveals, and the results show the
 * agreement table with its bands in words and each evaluator's deviation once the agreed answers are recorded.
 */
const EVALUATORS = ['tl01@demo.attentive.test', 'tl02@demo.attentive.test', 'auditor.energy@demo.attentive.test'];

async function signedIn(browser: Browser, email: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signInAsDemo(page, email);
  return page;
}

const personIdOf = async (page: Page) => ((await (await page.request.get('/api/me')).json()) as { personId: number }).personId;

/** Scores every item of the open call: evaluator `n` leans "yes"/high (n = 0), "no"/low (n = 1) or in between (n = 2). */
async function scoreCall(page: Page, n: number) {
  const items = page.locator('[data-testid="scorecard"] [data-index]');
  const count = await items.count();
  expect(count).toBeGreaterThan(2);
  for (let i = 0; i < count; i++) {
    const radios = items.nth(i).locator('[role="radio"]:not([aria-disabled="true"])');
    const k = await radios.count();
    // First answer = the best in the demo scorecard (yes / highest); evaluators differ on every other item.
    const pick = n === 0 || i % 2 === 0 ? 0 : n === 1 ? k - 1 : Math.floor(k / 2);
    await radios.nth(Math.min(pick, k - 1)).click();
    await expect(items.nth(i)).toHaveClass(/answered/);
  }
  await page.getByTestId('submit').click();
  await expect(page.getByTestId('score-state')).toHaveText(/Submitted/);
}

test('three evaluators score blind, the facilitator reveals, the agreement table shows', async ({ browser }) => {
  test.setTimeout(120_000);
  const qa = await signedIn(browser, 'qa@demo.attentive.test');
  const evaluators = await Promise.all(EVALUATORS.map((e) => signedIn(browser, e)));
  const participantIds = await Promise.all(evaluators.map(personIdOf));

  // The facilitator makes the session: two recent calls of the energy client's program.
  const options = (await (await qa.request.get('/api/calibration/options')).json()) as { programs: { id: number; clientName: string }[] };
  const program = options.programs.find((p) => /energ/i.test(p.clientName))!;
  const withCalls = (await (await qa.request.get(`/api/calibration/options?programId=${program.id}`)).json()) as {
    calls: { id: number }[];
  };
  const callIds = withCalls.calls.slice(0, 2).map((c) => c.id);
  const created = await qa.request.post('/api/calibration/sessions', {
    headers: { origin: new URL(qa.url()).origin },
    data: {
      programId: program.id,
      title: `Journey ${Date.now()}`,
      deadline: new Date(Date.now() + 3 * 86_400_000).toISOString(),
      participantIds,
      calls: { mode: 'chosen', callIds }
    }
  });
  expect(created.status(), await created.text()).toBe(201);
  const sessionId = ((await created.json()) as { id: number }).id;

  // Each evaluator finds the session on its hub, opens it and scores both calls. The second and third find an
  // empty form: nothing of the others' answers.
  for (const [n, page] of evaluators.entries()) {
    await page.goto('/calibration', { waitUntil: 'networkidle' });
    await page
      .getByRole('link', { name: /Journey/ })
      .first()
      .click();
    await page.waitForURL(`**/calibration/${sessionId}`);
    await expect(page.getByText(/nobody sees anyone's answers/i).first()).toBeVisible();
    await page
      .getByRole('link', { name: /^Score/ })
      .first()
      .click();
    await page.waitForURL(`**/calibration/${sessionId}/calls/${callIds[0]}`);
    await expect(page.locator('[data-testid="scorecard"] [aria-checked="true"]')).toHaveCount(0);
    await scoreCall(page, n);
    await page.getByTestId('next-call').click();
    await page.waitForURL(`**/calibration/${sessionId}/calls/${callIds[1]}`);
    await expect(page.locator('[data-testid="scorecard"] [aria-checked="true"]')).toHaveCount(0);
    await scoreCall(page, n);
    // Blind: the results are not there before the reveal, not even for the facilitator.
    expect((await page.request.get(`/api/calibration/sessions/${sessionId}/results`)).status()).toBe(409);
  }
  expect((await qa.request.get(`/api/calibration/sessions/${sessionId}/results`)).status()).toBe(409);

  // The facilitator reveals (everyone has scored) and opens the results.
  await qa.goto(`/calibration/${sessionId}`, { waitUntil: 'networkidle' });
  await expect(qa.getByText('6 of 6', { exact: false }).first()).toBeVisible();
  await qa.getByRole('button', { name: 'Reveal answers' }).click();
  await qa.getByRole('link', { name: 'See the results' }).click();
  await qa.waitForURL(`**/calibration/${sessionId}/results`);

  const agreement = qa.getByTestId('agreement');
  await expect(agreement.getByRole('heading', { name: 'Agreement per item' })).toBeVisible();
  // Evaluators who agree on every other item and differ on the rest: bands in words, never a bare colour.
  await expect(agreement.getByTestId('band').first()).toHaveText(/reliable|tentative|do not rely|—/);
  await expect(agreement).toContainText(/do not rely on this item/);
  await axeClean(qa);

  // The answers are side by side now: the call's table has a column per evaluator.
  await expect(qa.getByTestId(`call-${callIds[0]}`).getByRole('columnheader')).not.toHaveCount(0);
  // The facilitator records the agreed answers of the first call (the suggestions), and the deviations appear.
  await qa.getByTestId(`save-consensus-${callIds[0]}`).click();
  await expect(qa.getByTestId('deviation')).toContainText(/than agreed|as agreed/);

  // An evaluator now reads the same results (its own deviation), on a phone.
  const tl01 = evaluators[0]!;
  await tl01.setViewportSize({ width: 390, height: 844 });
  await tl01.goto(`/calibration/${sessionId}/results`, { waitUntil: 'networkidle' });
  await expect(tl01.getByTestId('agreement')).toBeVisible();
  await axeClean(tl01);
  expect(await tl01.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
});
