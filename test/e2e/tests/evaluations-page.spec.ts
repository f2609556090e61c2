import { expect, test } from '@playwright/test';
import { signInAsDemo } from './support/sign-in';

test('the evaluations page answers every hand-typed query without a server error, naming what it ignored', async ({ page }) => {
  await signInAsDemo(page, 'tl01@demo.attentive.test');
  const typed = [
    'mine=1',
    'status=bogus',
    'from=garbage',
    'to=2026-02-31',
    'agentId=0x10',
    'agent=0x10',
    'programId=%201',
    'kind=nope',
    'cursor=abc',
    'groupBy=x',
    'agentId=99999999999999999999'
  ];
  for (const q of typed) {
    const res = await page.goto(`/evaluations?${q}`);
    expect(res!.status(), q).toBeLessThan(500);
    // A badly written record id is refused by name on every page (400); other values are ignored and named.
    if (res!.status() === 400) await expect(page.getByText(/must be a record id/), q).toBeVisible();
    else await expect(page.getByRole('heading', { name: 'Evaluations' }), q).toBeVisible();
  }
  await page.goto('/evaluations?status=bogus&mine=1');
  await expect(page.getByTestId('ignored-filters')).toContainText('status');
  // mine=1 is read as "mine only": the checkbox is ticked.
  await expect(page.getByLabel('Mine only')).toBeChecked();
});

test('the kind filter changes the aggregates, and says which kinds they average', async ({ page }) => {
  await signInAsDemo(page, 'tl01@demo.attentive.test');
  await page.goto('/evaluations');
  await expect(page.getByTestId('aggregates')).toBeVisible();
  await expect(page.getByTestId('aggregates-kinds')).toContainText('count toward the agent');
  // The demo team has sampled evaluations only: filtered to live monitoring, no aggregate row is left.
  await page.getByLabel('Kind').selectOption('live');
  await page.getByRole('button', { name: 'Filter' }).click();
  await expect(page).toHaveURL(/kind=live/);
  await expect(page.getByTestId('aggregates')).toHaveCount(0);
  await expect(page.getByText('No submitted evaluations match.')).toBeVisible();
  await page.goto('/evaluations?kind=self');
  await expect(page.getByTestId('aggregates-kinds')).toContainText('do not count toward the agent');
});
