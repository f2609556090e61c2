import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createClient } from '@libsql/client';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { signInAsDemo } from './support/sign-in';

/**
 * Survey links, end to end (issue 14): a QA analyst sends a link draw's invitations; they travel over SMTP to
 * the real SMTP server global-setup started (E2E_MAIL_DIR); a customer opens the link from the mail on a
 * phone, with no session, in Dutch (their language) and in English, answers once and is thanked; opening the
 * link again is refused.
 */

const DAY = '2099-12-31'; // a day of its own: one draw per plan and day, the demo's draws end today

/**
 * A draw of TC-CARE's link plan with two customers not yet invited, stored straight in the e2e database (drawing
 * is the lists part of issue 14): two of TC-CARE's calls without a callback item whose customers have an e-mail
 * address and did not opt out; the first prefers Dutch, the second English.
 */
async function unsentDraw() {
  const db = createClient({ url: process.env.E2E_DATABASE_URL! });
  try {
    const one = async (sql: string, args: (string | number)[] = []) => (await db.execute({ sql, args })).rows[0]!;
    const plan = await one(
      `SELECT pl.id, pl.tenant_id, pl.program_id, v.id AS version_id FROM callback_plans pl JOIN programs p ON p.id = pl.program_id
       JOIN survey_template_versions v ON v.template_id = pl.template_id
       WHERE p.code = 'TC-CARE' AND pl.channel = 'link' ORDER BY v.version DESC LIMIT 1`
    );
    const existing = await db.execute({ sql: `SELECT id FROM callback_draws WHERE plan_id = ? AND day = ?`, args: [Number(plan.id), DAY] });
    if (existing.rows[0]) return Number(existing.rows[0].id);
    const calls = (
      await db.execute({
        sql: `SELECT c.id, c.agent_id, cc.id AS contact_id FROM calls c
              JOIN customer_contacts cc ON cc.tenant_id = c.tenant_id AND cc.customer_ref = c.customer_ref
              WHERE c.program_id = ? AND cc.email_cipher IS NOT NULL AND cc.opted_out_at IS NULL AND cc.erased_at IS NULL
                AND NOT EXISTS (SELECT 1 FROM callback_items i WHERE i.call_id = c.id)
                AND NOT EXISTS (SELECT 1 FROM callback_items i WHERE i.contact_id = cc.id)
              ORDER BY c.started_at DESC LIMIT 2`,
        args: [Number(plan.program_id)]
      })
    ).rows;
    expect(calls).toHaveLength(2);
    const now = Date.now();
    const draw = await one(
      `INSERT INTO callback_draws (tenant_id, plan_id, program_id, template_version_id, day, window_start, window_end, seed,
         population_hash, population_size, excluded, selected_count, "trigger", requested_by, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 2, '{}', 2, 'manual', 'e2e', ?) RETURNING id`,
      [
        Number(plan.tenant_id),
        Number(plan.id),
        Number(plan.program_id),
        Number(plan.version_id),
        DAY,
        now - 72 * 3_600_000,
        now - 24 * 3_600_000,
        '00'.repeat(32),
        'e2e',
        now
      ]
    );
    for (const [i, c] of calls.entries()) {
      await db.execute({
        sql: `UPDATE customer_contacts SET language = ? WHERE id = ?`,
        args: [i === 0 ? 'nl' : 'en', Number(c.contact_id)]
      });
      await db.execute({
        sql: `INSERT INTO callback_items (tenant_id, draw_id, program_id, call_id, agent_id, contact_id, rank, channel, status, attempts, next_attempt_at, created_at)
              VALUES (?, ?, ?, ?, ?, ?, ?, 'link', 'open', 0, ?, ?)`,
        args: [
          Number(plan.tenant_id),
          Number(draw.id),
          Number(plan.program_id),
          Number(c.id),
          Number(c.agent_id),
          Number(c.contact_id),
          String(i).padStart(64, '0'),
          now,
          now
        ]
      });
    }
    return Number(draw.id);
  } finally {
    db.close();
  }
}

/** The invitations received so far: subject and the link's path (quoted-printable soft breaks undone). */
function mails() {
  const dir = process.env.E2E_MAIL_DIR!;
  return readdirSync(dir)
    .sort()
    .map((f) => {
      const raw = readFileSync(join(dir, f), 'utf8').replace(/=\r?\n/g, '');
      return { subject: /^Subject: (.*)$/m.exec(raw)?.[1] ?? '', path: /\/s\/[A-Za-z0-9_-]{43}/.exec(raw)?.[0] ?? null };
    });
}

async function axeClean(page: Page) {
  const { violations } = await new AxeBuilder({ page }).analyze();
  expect(violations.map((v) => `${v.id} (${v.impact}): ${v.nodes[0]?.target}`)).toEqual([]);
}

test('a QA analyst e-mails the invitations; the customer answers once on a phone, in Dutch and English', async ({ browser }, testInfo) => {
  const shot = (p: Page, name: string) => p.screenshot({ path: testInfo.outputPath(`${name}.png`), fullPage: true });
  await unsentDraw();
  const before = mails().length;
  // The results of that day's list, before anyone answered: no CSAT answer yet.
  const results = async (p: Page) => {
    await p.goto('/surveys/results');
    const program = await p.getByLabel('Program').locator('option', { hasText: 'Telecom klantenservice' }).getAttribute('value');
    await p.goto(`/surveys/results?programId=${program}&from=${DAY}&to=${DAY}`);
    return p.locator('[data-metric="csat_top2"]');
  };

  // The QA analyst: the draw's row, Send invitations.
  const staff = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const qa = await staff.newPage();
  await signInAsDemo(qa, 'qa@demo.attentive.test');
  const csatBefore = await results(qa);
  await expect(csatBefore).toContainText(': 0 of at least 1');
  await qa.goto('/surveys/links');
  await expect(qa.getByRole('heading', { level: 1, name: 'Survey links' })).toBeVisible();
  const row = qa.getByRole('row').filter({ hasText: '31 Dec 2099' });
  await expect(row.getByRole('cell').nth(3)).toHaveText('2'); // not sent
  await row.getByRole('button', { name: /Send invitations/ }).click();
  await expect(qa.getByRole('status')).toContainText('2 sent');
  await expect(row.getByRole('cell').nth(4)).toHaveText('2'); // sent
  await axeClean(qa);
  await shot(qa, 'manager-1280');

  // Both messages arrived over SMTP, one in each language.
  await expect.poll(() => mails().length).toBe(before + 2);
  const received = mails().slice(before);
  const dutch = received.find((m) => /hoe was uw gesprek/.test(m.subject))!;
  const english = received.find((m) => /how was your call/.test(m.subject))!;
  expect(dutch.path).not.toBeNull();
  expect(english.path).not.toBeNull();

  // The customer: a phone, no session.
  const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  const page = await phone.newPage();
  const res = await page.goto(dutch.path!);
  expect(res!.headers()['referrer-policy']).toBe('same-origin');
  expect(res!.headers()['set-cookie']).toBeUndefined();
  await expect(page.locator('html')).toHaveAttribute('lang', 'nl');
  await expect(page.getByRole('heading', { level: 1, name: 'Uw mening over uw gesprek' })).toBeVisible();
  await expect(page.getByRole('banner')).toHaveCount(0); // no app header on the customer's page
  await axeClean(page);
  await shot(page, 'survey-nl-390');
  // Nothing wider than the phone.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

  // Switch to English, answer in English.
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Your opinion about your call' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await axeClean(page);
  const pick = (question: RegExp, answer: string) =>
    page.getByRole('group', { name: question }).getByRole('radio', { name: answer, exact: true }).check();
  await pick(/How satisfied are you/, '4');
  await pick(/Was your question solved/, 'Yes');
  await pick(/How easy was it/, '6');
  await pick(/How likely are you to recommend/, '9');
  await page.getByLabel('Anything else you would like to tell us?').fill('Friendly and quick.');
  await page.getByRole('button', { name: 'Send my answers' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Thank you!' })).toBeVisible();
  await shot(page, 'thanks-390');

  // Opening the link again: refused, kindly.
  await page.goto(dutch.path!);
  await expect(page.getByRole('heading', { level: 1, name: 'This survey has already been answered' })).toBeVisible();
  await axeClean(page);
  await shot(page, 'used-390');

  // The manager sees it answered.
  await qa.goto('/surveys/links');
  await expect(qa.getByRole('row').filter({ hasText: '31 Dec 2099' }).getByRole('cell').nth(5)).toHaveText('1');
  // …and the metrics moved with the answer: CSAT 4 is in the top-2 box, from one answer.
  const csatAfter = await results(qa);
  await expect(csatAfter).toContainText('100%');
  await expect(csatAfter).toContainText('n = 1');

  // An unknown token is simply not found.
  const unknown = await page.goto(`/s/${'x'.repeat(43)}`);
  expect(unknown!.status()).toBe(404);
  await staff.close();
  await phone.close();
});
