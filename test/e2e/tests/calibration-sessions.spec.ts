import { createClient } from '@libsql/client';
import { expect, test } from '@playwright/test';
import { signInAsDemo } from './support/sign-in';
import { axeClean, axeAtBothWidths } from './support/axe';

/**
 * A QA analyst makes a calibration session through the form (issue 15): a program, two chosen recent calls,
 * tl01 and one more participant (the API's error for a single participant is shown next to the field first).
 * The session page tells everyone that scoring is blind and why the reveal button is disabled; tl01 finds the
 * session on its hub under "To score" with its progress. Axe-clean at 1280 and 390 px.
 */

/** The demo names of tl01 and tl02 (the form lists people by name). */
async function leadNames() {
  const db = createClient({ url: process.env.E2E_DATABASE_URL! });
  try {
    const rows = (
      await db.execute(
        `SELECT email, name FROM people WHERE email IN ('tl01@demo.attentive.test', 'tl02@demo.attentive.test') ORDER BY email`
      )
    ).rows;
    return { tl01: String(rows[0]!.name), tl02: String(rows[1]!.name) };
  } finally {
    db.close();
  }
}

test('qa@ makes a session with chosen calls; tl01 sees it to score; the reveal explains why it waits', async ({ browser }) => {
  const names = await leadNames();
  const title = `Calibration e2e ${Date.now().toString(36)}`;

  const qa = await (await browser.newContext()).newPage();
  await signInAsDemo(qa, 'qa@demo.attentive.test');
  await qa.goto('/calibration');
  await expect(qa.getByRole('heading', { level: 1, name: 'Calibration' })).toBeVisible();
  await axeAtBothWidths(qa);
  await qa.getByRole('link', { name: 'New session' }).click();
  await expect(qa.getByRole('heading', { level: 1, name: 'New calibration session' })).toBeVisible();
  await qa.getByRole('button', { name: 'Use this program' }).click();
  await expect(qa.getByLabel('Title')).toBeVisible();
  await axeAtBothWidths(qa);

  await qa.getByLabel('Title').fill(title);
  const calls = qa.getByRole('group', { name: 'Calls' }).getByRole('checkbox');
  await calls.nth(0).check();
  await calls.nth(1).check();
  await qa.getByRole('checkbox', { name: new RegExp(names.tl01) }).check();
  await qa.getByRole('button', { name: 'Make session' }).click();
  // One participant: the API's words appear next to the participants, and the choices made are kept.
  await expect(qa.getByRole('group', { name: 'Participants' }).getByText('choose at least 2 participants')).toBeVisible();
  await expect(qa.getByLabel('Title')).toHaveValue(title);
  await expect(qa.getByRole('checkbox', { name: new RegExp(names.tl01) })).toBeChecked();
  await axeClean(qa);
  await qa.getByRole('checkbox', { name: new RegExp(names.tl02) }).check();
  await qa.getByRole('button', { name: 'Make session' }).click();

  await qa.waitForURL(/\/calibration\/\d+$/);
  const sessionPath = new URL(qa.url()).pathname;
  await expect(qa.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await expect(qa.getByText("nobody sees anyone's answers until the facilitator reveals", { exact: false })).toBeVisible();
  const reveal = qa.getByRole('button', { name: 'Reveal answers' });
  await expect(reveal).toBeDisabled();
  await expect(reveal).toHaveAccessibleDescription(/4 of 4 scores are still missing/);
  await expect(qa.getByText(`${names.tl01} (Team lead) — 0 of 2 submitted`)).toBeVisible();
  await axeAtBothWidths(qa);

  const lead = await (await browser.newContext()).newPage();
  await signInAsDemo(lead, 'tl01@demo.attentive.test');
  await lead.goto('/calibration');
  const toScore = lead.getByRole('region', { name: 'To score' });
  const card = toScore.getByRole('listitem').filter({ hasText: title });
  await expect(card).toContainText('You submitted 0 of 2 calls');
  await axeAtBothWidths(lead);
  await card.getByRole('link', { name: title }).click();
  await expect(lead).toHaveURL(new RegExp(`${sessionPath}$`));
  await expect(lead.getByRole('link', { name: /^Score/ })).toHaveCount(2);
  await expect(lead.getByRole('button', { name: 'Reveal answers' })).toHaveCount(0);
  await expect(lead.getByRole('cell', { name: 'Not started' })).toHaveCount(2);
  await axeAtBothWidths(lead);

  const agent = await (await browser.newContext()).newPage();
  await signInAsDemo(agent, 'agent001@demo.attentive.test');
  expect((await agent.goto(sessionPath))?.status()).toBe(404);
  expect((await agent.goto('/calibration'))?.status()).toBe(404);
});
