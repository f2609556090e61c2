import { createClient } from '@libsql/client';
import { expect, test } from '@playwright/test';
import { signInAsDemo } from './support/sign-in';
import { axeAtBothWidths } from './support/axe';

/**
 * The re-score seal in calibration (docs/calibration-sessions.md, docs/client-audit.md): ENERGY's auditor draws a
 * blind re-score of EN-CARE; QA puts its first drawn call in a calibration session with the auditor and reveals it.
 * The auditor finds the session on its calibration hub without a results link, reads on the session page why the
 * results wait (with a link to its re-scores), and the API refuses them naming the call; once it has scored the
 * call with the keyboard, the session's results open. Axe-clean at 1280 and 390 px in the sealed state.
 */

/** The demo ids the API calls need: EN-CARE, and the people of qa@ and auditor.energy@. */
async function demoIds() {
  const db = createClient({ url: process.env.E2E_DATABASE_URL! });
  try {
    const program = (await db.execute(`SELECT id FROM programs WHERE code = 'EN-CARE'`)).rows[0]!;
    const people = (
      await db.execute(
        `SELECT email, id FROM people WHERE email IN ('qa@demo.attentive.test', 'auditor.energy@demo.attentive.test') ORDER BY email`
      )
    ).rows;
    return { programId: Number(program.id), auditor: Number(people[0]!.id), qa: Number(people[1]!.id) };
  } finally {
    db.close();
  }
}

/** The first and last day of the month before last (UTC): demo evaluations exist, and no other spec re-scores it. */
function monthBeforeLast(now = new Date()) {
  const first = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 2, 1));
  const last = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 0));
  return { fromDay: first.toISOString().slice(0, 10), toDay: last.toISOString().slice(0, 10) };
}

test("a revealed calibration session keeps its results from the auditor until its blind re-score has scored the session's call", async ({
  browser
}) => {
  test.setTimeout(120_000);
  const ids = await demoIds();
  // The API refuses writes without the page's origin (CSRF): a script sends it as a browser would.
  const headers = { origin: new URL(process.env.E2E_BASE_URL!).origin };
  const auditor = await (await browser.newContext({ locale: 'en-US' })).newPage();
  await signInAsDemo(auditor, 'auditor.energy@demo.attentive.test');
  const rescoreRes = await auditor.request.post('/api/client/rescores', {
    headers,
    data: { programId: ids.programId, ...monthBeforeLast(), sharePercent: 1 }
  });
  expect(rescoreRes.status(), await rescoreRes.text()).toBe(201);
  const rescore = (await rescoreRes.json()) as { id: number; items: { id: number; callId: number }[] };
  const item = rescore.items[0]!;

  // QA: a session with that call, the auditor and QA as participants, a deadline seconds away; revealed once it passed.
  const qa = await (await browser.newContext({ locale: 'en-US' })).newPage();
  await signInAsDemo(qa, 'qa@demo.attentive.test');
  const title = `Seal e2e ${Date.now().toString(36)}`;
  const made = await qa.request.post('/api/calibration/sessions', {
    headers,
    data: {
      programId: ids.programId,
      title,
      deadline: new Date(Date.now() + 3_000).toISOString(),
      participantIds: [ids.qa, ids.auditor],
      calls: { mode: 'chosen', callIds: [item.callId] }
    }
  });
  expect(made.status(), await made.text()).toBe(201);
  const sessionId = ((await made.json()) as { id: number }).id;
  await expect
    .poll(async () => (await qa.request.post(`/api/calibration/sessions/${sessionId}/reveal`, { headers })).status(), { timeout: 15_000 })
    .toBe(200);

  // The hub lists it without a results link, and says why.
  await auditor.goto('/calibration', { waitUntil: 'networkidle' });
  const entry = auditor.locator('li', { hasText: title });
  await expect(entry).toContainText('results once your re-score has scored its call');
  await expect(entry.getByRole('link')).toHaveAttribute('href', `/calibration/${sessionId}`);
  await axeAtBothWidths(auditor);

  // The session page: the reason, and the way to the re-scores.
  await entry.getByRole('link').click();
  await auditor.waitForURL(`**/calibration/${sessionId}`);
  const notice = auditor.getByRole('note');
  await expect(notice).toContainText('Your blind re-score still has to score a call of this session');
  await expect(notice.getByRole('link', { name: 'Open your re-scores' })).toHaveAttribute('href', '/client/rescores');
  await expect(auditor.getByRole('link', { name: 'results', exact: false })).toHaveCount(0);
  await axeAtBothWidths(auditor);

  // Not through the API either: 409, naming the call.
  const sealed = await auditor.request.get(`/api/calibration/sessions/${sessionId}/results`);
  expect(sealed.status()).toBe(409);
  expect(await sealed.text()).toContain(String(item.callId));
  // The contact center's own people are not affected.
  expect((await qa.request.get(`/api/calibration/sessions/${sessionId}/results`)).status()).toBe(200);

  // The auditor scores the call with the keyboard and submits.
  await auditor.goto(`/client/rescores/${rescore.id}/items/${item.id}`, { waitUntil: 'networkidle' });
  const items = auditor.locator('[data-testid="scorecard"] [data-index]');
  const count = await items.count();
  expect(count).toBeGreaterThan(2);
  await items.nth(0).locator('[role="radio"]').first().focus();
  for (let i = 0; i < count; i++) {
    await auditor.keyboard.press(i === 0 ? 'ArrowRight' : 'Enter');
    if (i === 0) await auditor.keyboard.press('Enter');
    await expect(items.nth(i)).toHaveClass(/answered/);
  }
  await expect(auditor.getByTestId('save-state')).toContainText('saved');
  await auditor.keyboard.press('Control+Enter');
  await expect(auditor.getByTestId('score-state')).toHaveText('Submitted');

  // Now the results are open to it: the hub links them, and the page shows the call.
  await auditor.goto(`/calibration/${sessionId}`, { waitUntil: 'networkidle' });
  await expect(auditor.getByRole('note')).toHaveCount(0);
  await auditor.getByRole('link', { name: 'results', exact: false }).first().click();
  await auditor.waitForURL(`**/calibration/${sessionId}/results`);
  await expect(auditor.getByRole('heading', { level: 1 })).toContainText(title);
  expect((await auditor.request.get(`/api/calibration/sessions/${sessionId}/results`)).status()).toBe(200);
});
