import { createClient } from '@libsql/client';
import { expect, test } from '@playwright/test';
import { signInAsDemo } from './support/sign-in';

/** A demo call with a recording: its agent, program and external id, to find it through the filters. */
async function recordedCall() {
  const db = createClient({ url: process.env.E2E_DATABASE_URL! });
  try {
    const r = await db.execute(`
      SELECT c.id, c.agent_id, c.program_id, p.client_id, date(c.started_at / 1000, 'unixepoch') AS day
      FROM calls c JOIN programs p ON p.id = c.program_id
      WHERE c.recording_path IS NOT NULL ORDER BY c.id LIMIT 1`);
    const row = r.rows[0];
    if (!row) throw new Error('the demo data has no recorded call');
    return { id: Number(row.id), agentId: String(row.agent_id), programId: String(row.program_id), clientId: String(row.client_id) };
  } finally {
    db.close();
  }
}

test('browse the calls list, filter it, open a recorded call, read its transcript and play it', async ({ page }) => {
  const call = await recordedCall();
  await signInAsDemo(page, 'admin@demo.attentive.test');

  await page.goto('/calls');
  const rows = page.getByTestId('calls-table').locator('tbody tr');
  await expect(rows).toHaveCount(50);

  // Filter by client, then program: the URL carries the filters, every row matches.
  const filters = page.getByTestId('call-filters');
  await filters.getByLabel('Client').selectOption(call.clientId);
  await expect(page).toHaveURL(new RegExp(`client=${call.clientId}`));
  await filters.getByLabel('Program').selectOption(call.programId);
  await expect(page).toHaveURL(new RegExp(`program=${call.programId}`));
  const programCode = (await filters.getByLabel('Program').locator('option:checked').textContent())!.split(' · ')[0]!;
  await expect(rows).toHaveCount(50);
  for (const text of await rows.locator('td:nth-child(4)').allTextContents()) expect(text).toContain(programCode);

  // A queue of that program: every row is in it; then all queues again.
  const queueSelect = filters.getByLabel('Queue');
  const queueOption = queueSelect.locator('option').nth(1);
  const queueName = (await queueOption.textContent())!;
  await queueSelect.selectOption((await queueOption.getAttribute('value'))!);
  await expect(page).toHaveURL(/queue=\d+/);
  await expect(rows.first()).toBeVisible();
  for (const text of await rows.locator('td:nth-child(5)').allTextContents()) expect(text.trim()).toBe(queueName.trim());
  await queueSelect.selectOption('');
  await expect(page).not.toHaveURL(/queue=/);

  // Next page and back again.
  const firstPageTop = await rows.first().locator('a').getAttribute('href');
  await page.getByRole('link', { name: 'Older →' }).click();
  await expect(page).toHaveURL(/cursor=/);
  await expect(rows.first().locator('a')).not.toHaveAttribute('href', firstPageTop!);
  await page.getByRole('link', { name: '← Newer' }).click();
  await expect(rows.first().locator('a')).toHaveAttribute('href', firstPageTop!);

  // Narrow to the recorded call's agent and open the call from the list.
  await filters.getByLabel('Agent').selectOption(call.agentId);
  await expect(page).toHaveURL(new RegExp(`agent=${call.agentId}`));
  // Only calls with audio: every row has it, the recorded call among them.
  await filters.getByLabel('Recording').selectOption('true');
  await expect(page).toHaveURL(/hasRecording=true/);
  await expect(page.locator(`a[href="/calls/${call.id}"]`)).toBeVisible();
  for (const row of await rows.all()) await expect(row).toContainText('audio');
  await page.locator(`a[href="/calls/${call.id}"]`).click();
  await expect(page).toHaveURL(new RegExp(`/calls/${call.id}$`));

  // The transcript: speaker turns with timestamps.
  const turns = page.getByTestId('transcript').locator('li');
  expect(await turns.count()).toBeGreaterThan(8);
  await expect(turns.first()).toContainText('Agent');
  await expect(turns.nth(1)).toContainText('Customer');

  // Clicking a turn seeks the recording there and plays it.
  const audio = page.getByTestId('call-audio');
  await expect.poll(() => audio.evaluate((a: HTMLAudioElement) => a.readyState)).toBeGreaterThan(0);
  const start = Number(
    await turns
      .nth(4)
      .locator('.time')
      .textContent()
      .then((t) => t!.split(':').reduce((m, s) => m * 60 + Number(s), 0))
  );
  await turns.nth(4).locator('button').click();
  await expect.poll(() => audio.evaluate((a: HTMLAudioElement) => !a.paused)).toBe(true);
  await expect.poll(() => audio.evaluate((a: HTMLAudioElement) => a.currentTime), { timeout: 10_000 }).toBeGreaterThan(start + 0.5);
  await expect(turns.nth(4)).toHaveClass(/current/);
});

test('an unknown call shows a not-found page', async ({ page }) => {
  await signInAsDemo(page, 'admin@demo.attentive.test');
  const res = await page.goto('/calls/99999999');
  expect(res?.status()).toBe(404);
});

test('the calls list filters on having a recording or a transcript', async ({ page }) => {
  await signInAsDemo(page, 'admin@demo.attentive.test');
  await page.goto('/calls', { waitUntil: 'networkidle' });
  const rows = page.getByTestId('calls-table').locator('tbody tr');
  const filters = page.getByTestId('call-filters');
  await filters.getByLabel('Transcript').selectOption('true');
  await expect(page).toHaveURL(/hasTranscript=true/);
  await expect(rows.first()).toBeVisible();
  for (const row of await rows.all()) await expect(row.getByTitle('Has a transcript')).toBeVisible();
  await filters.getByLabel('Recording').selectOption('true');
  await expect(page).toHaveURL(/hasRecording=true/);
  await expect(rows.first()).toBeVisible();
  expect(await rows.count()).toBeLessThanOrEqual(7);
  for (const row of await rows.all()) await expect(row.getByTitle('Has a recording')).toBeVisible();
  await page.screenshot({ path: 'test-results/calls-media-filter.png' });
  await filters.getByLabel('Recording').selectOption('false');
  await expect(page).toHaveURL(/hasRecording=false/);
  await expect(rows.first()).toBeVisible();
  for (const row of await rows.all()) {
    await expect(row.getByTitle('Has a transcript')).toBeVisible();
    await expect(row.getByTitle('Has a recording')).toHaveCount(0);
  }
});
