import { readFile } from 'node:fs/promises';
import { createClient } from '@libsql/client';
import { expect, test } from '@playwright/test';
import { extractText } from 'unpdf';
import { signInAsDemo } from './support/sign-in';
import { lastMonth } from './support/months';
import { axeClean } from './support/axe';

/**
 * The monthly contract report (issue 17, docs/client-audit.md "The monthly report"): auditor.energy@ opens a
 * program's report for the last full month, downloads the PDF in Dutch and the CSV, and both carry the figures
 * the page shows. The demo has no contract terms of its own yet: the spec writes a terms version for that
 * month into the e2e database (a later version than any there, so it is the one in force).
 */
const MONTH = lastMonth();
let version = 0;

test.beforeAll(async () => {
  const db = createClient({ url: process.env.E2E_DATABASE_URL! });
  try {
    const row = (await db.execute(`SELECT id, tenant_id FROM programs WHERE code = 'EN-CARE'`)).rows[0]!;
    const program = { id: Number(row.id), tenant_id: Number(row.tenant_id) };
    const max = (
      await db.execute({ sql: 'SELECT coalesce(max(version), 0) AS v FROM contract_terms WHERE program_id = ?', args: [program.id] })
    ).rows[0]!;
    version = Number(max.v) + 1;
    const money = { kind: 'amount', bonusPerStep: 25_000, malusPerStep: 25_000 };
    const targets = [
      { metric: 'qa_score', target: 50, step: 5, maxSteps: 3, money },
      { metric: 'critical_error_free_rate', target: 99.5, step: 1, maxSteps: 3, money },
      {
        metric: 'customer_oriented_score',
        target: 99,
        step: 1,
        maxSteps: 2,
        money: { kind: 'percent', bonusPerStep: 50, malusPerStep: 50 }
      }
    ];
    await db.execute({
      sql: `INSERT INTO contract_terms (tenant_id, program_id, version, valid_from, valid_to, monthly_fee_cents, currency, targets, note, created_by, created_at)
            VALUES (?, ?, ?, ?, ?, ?, 'EUR', ?, 'e2e: client-reports.spec.ts', 'e2e', ?)`,
      args: [program.tenant_id, program.id, version, MONTH, MONTH, 4_500_000, JSON.stringify(targets), Date.now()]
    });
  } finally {
    db.close();
  }
});

test('auditor.energy reads a month of its contract report, and the Dutch PDF and the CSV carry the same figures', async ({ page }) => {
  await signInAsDemo(page, 'auditor.energy@demo.attentive.test');
  await page.goto('/client/reports', { waitUntil: 'networkidle' });
  await axeClean(page);
  await page.getByRole('link', { name: /EN-CARE/ }).click();
  await expect(page.getByTestId('report-months')).toBeVisible();
  await axeClean(page);
  // The month picker sends the month to its report.
  await page.getByLabel(/Month|Maand/).fill(MONTH);
  await page.getByRole('button', { name: /Show report|Toon rapport/ }).click();
  await page.waitForURL(new RegExp(`/client/reports/\\d+/${MONTH}$`));

  const terms = page.getByTestId('report-terms');
  await expect(terms).toContainText(String(version));
  const rows = page.locator('[data-testid="report-targets"] tbody tr');
  await expect(rows).toHaveCount(3);
  const shown: { metric: string; measured: string; verdict: string }[] = [];
  for (let i = 0; i < 3; i++) {
    const row = rows.nth(i);
    shown.push({
      metric: (await row.getAttribute('data-metric'))!,
      measured: (await row.getByTestId('measured').innerText()).trim(),
      verdict: (await row.getByTestId('verdict').innerText()).replace(/^[^\p{L}]+/u, '').trim()
    });
  }
  // The demo has evaluations every month: every target is measured.
  for (const s of shown) expect(s.measured, s.metric).toMatch(/\d/);
  await axeClean(page);

  // The Dutch PDF: a PDF whose text has the program, the month, the terms version and each figure and verdict as the page shows them.
  const [pdf] = await Promise.all([page.waitForEvent('download'), page.getByTestId('report-pdf-nl').click()]);
  expect(pdf.suggestedFilename()).toBe(`contract-report-EN-CARE-${MONTH}-nl.pdf`);
  const bytes = new Uint8Array(await readFile((await pdf.path())!));
  expect(new TextDecoder().decode(bytes.subarray(0, 5))).toBe('%PDF-');
  const text = (await extractText(bytes, { mergePages: true })).text.replace(/\s+/g, ' ');
  expect(text).toContain(MONTH);
  expect(text).toContain(`versie ${version}`);
  expect(text).toContain('EN-CARE');
  const english = /^[\d.,%]+$/.test(shown[0]!.measured) && shown.some((s) => /\./.test(s.measured));
  const VERDICT_NL: Record<string, string> = { met: 'gehaald', missed: 'niet gehaald', inconclusive: 'onbeslist' };
  for (const s of shown) {
    // The page is in the reader's language; the PDF in Dutch: 85.3 → 85,3 (figures here are below 1,000).
    const nl = english ? s.measured.replace('.', ',') : s.measured;
    expect(text, s.metric).toContain(nl);
    const word = VERDICT_NL[s.verdict] ?? s.verdict;
    expect(text, s.metric).toContain(word);
  }

  // The CSV: the same terms version and, per target, the measured value (two decimals; the page rounds to one).
  const [csv] = await Promise.all([page.waitForEvent('download'), page.getByTestId('report-csv').click()]);
  expect(csv.suggestedFilename()).toBe(`contract-report-EN-CARE-${MONTH}.csv`);
  const lines = (await readFile((await csv.path())!, 'utf8'))
    .replace(/^\uFEFF/, '')
    .trim()
    .split('\n');
  expect(lines).toContain(`terms_version,${version}`);
  for (const s of shown) {
    const row = lines.find((l) => l.startsWith(`${s.metric},`))!.split(',');
    const pageValue = Number(s.measured.replace('%', '').replace(',', '.'));
    expect(Math.abs(Number(row[3]) - pageValue), s.metric).toBeLessThanOrEqual(0.05 + 1e-9);
  }

  // Usable at 390 px: nothing wider than the screen.
  await page.setViewportSize({ width: 390, height: 800 });
  // REPORT_SHOTS=<dir>: a full-page screenshot at 390 px, for a look by eye.
  if (process.env.REPORT_SHOTS) await page.screenshot({ path: `${process.env.REPORT_SHOTS}/report-390.png`, fullPage: true });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(1);
  await axeClean(page);
});
