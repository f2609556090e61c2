import { createHash } from 'node:crypto';
import { createClient } from '@libsql/client';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { signInAsDemo } from './support/sign-in';

/** On the plan editor: saves the plan, publishes it, draws last period and lands on the run; its id. */
async function saveRunAndOpen(p: Page) {
  await p.getByTestId('save-plan').click();
  await expect(p).toHaveURL(/\/sampling\/plans\/\d+/);
  await p.getByTestId('publish').click();
  await expect(p.getByTestId('published')).toBeVisible();
  await p.getByTestId('run-now').click();
  await expect(p).toHaveURL(/\/sampling\/runs\/\d+$/);
  return Number(new URL(p.url()).pathname.split('/').pop());
}

/** A run's period: the local Amsterdam dates of its first and last day (independently of the app's formatter), and the UTC date of its start. */
async function runPeriod(runId: number) {
  const db = createClient({ url: process.env.E2E_DATABASE_URL! });
  try {
    const r = (await db.execute({ sql: 'SELECT period_start AS s, period_end AS e FROM sample_runs WHERE id = ?', args: [runId] }))
      .rows[0]!;
    const local = (ms: number) => new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Amsterdam' }).format(new Date(ms));
    const from = local(Number(r.s));
    const to = local(Number(r.e) - 1);
    expect(new Date(`${from}T12:00:00Z`).getUTCDay()).toBe(1); // a Monday
    expect(new Date(`${to}T12:00:00Z`).getUTCDay()).toBe(0); // a Sunday
    return { from, to, utcStart: new Date(Number(r.s)).toISOString().slice(0, 10) };
  } finally {
    db.close();
  }
}

/** A period as the sampling screens show it in English ("23 Nov 2026 – 29 Nov 2026"; $lib/format's day). */
function periodShown(period: { from: string; to: string }) {
  const day = (ymd: string) =>
    new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', day: 'numeric', month: 'short', year: 'numeric' }).format(
      new Date(`${ymd}T00:00:00Z`)
    );
  return `${day(period.from)} – ${day(period.to)}`;
}

async function as(browser: Browser, email: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signInAsDemo(page, email);
  return { page, close: () => context.close() };
}

test('an admin creates and runs a plan, the team lead finds the calls in its queue, the client auditor verifies the run', async ({
  browser
}) => {
  // Admin: new plan for Energie klantenservice (team T01's program), publish, draw last week.
  const admin = await as(browser, 'admin@demo.attentive.test');
  const p = admin.page;
  await p.goto('/sampling');
  await expect(p.getByRole('heading', { level: 1, name: 'Random call sampling' })).toBeVisible();
  await p.getByRole('link', { name: 'New plan' }).click();
  await p.getByLabel('Name').fill(`E2E sample ${Date.now()}`);
  await p.getByLabel('Program').selectOption({ label: 'Zonnedijk Energie — Energie klantenservice' });
  await p.getByTestId('quota').fill('3');
  // The planner counts last week's calls without drawing anything.
  await p.getByTestId('preview').click();
  await expect(p.getByTestId('program-margin')).toContainText('±');
  const runId = await saveRunAndOpen(p);
  // The period as people read it: Monday to Sunday in Amsterdam, not the UTC dates of its midnights.
  const period = await runPeriod(runId);
  expect(period.from).not.toBe(period.utcStart);
  await expect(p.getByTestId('run-period')).toHaveText(periodShown(period));
  const rows = p.getByTestId('items-table').locator('tbody tr');
  await expect(rows.first()).toBeVisible();
  expect(await rows.count()).toBeGreaterThan(3);
  await expect(p.getByTestId('ledger')).toBeVisible();
  // The drawn calls as CSV: a header and one line per item.
  const csv = await p.request.get((await p.getByTestId('items-csv').getAttribute('href'))!);
  expect(csv.status()).toBe(200);
  expect((await csv.text()).trim().split('\n').length).toBe((await rows.count()) + 1);
  // The same period cannot be drawn twice.
  await p.goBack();
  await p.getByTestId('run-now').click();
  await expect(p.getByTestId('run-error')).toContainText('already drawn');
  await admin.close();

  // Team lead of T01 (whose agents work Energie klantenservice): the calls are in its queue.
  const lead = await as(browser, 'tl01@demo.attentive.test');
  await lead.page.goto('/work');
  await expect(lead.page.getByRole('heading', { level: 1, name: 'Work queue' })).toBeVisible();
  const fromRun = lead.page.getByTestId('work-table').locator(`tr[data-run-id="${runId}"]`);
  await expect(fromRun.first()).toBeVisible();
  // The period is shown as dates in the person's language; the row carries the calendar days it covers.
  await expect(fromRun.first()).toHaveAttribute('data-period', `${period.from}/${period.to}`);
  // A team lead does not read runs: no link to one (it was a 404).
  await expect(lead.page.getByTestId('work-table').locator('a[href^="/sampling/runs/"]')).toHaveCount(0);
  expect(Number(await lead.page.getByTestId('kpi-open').textContent())).toBeGreaterThan(0);
  await lead.page.screenshot({ path: 'test-results/sampling-work-queue.png', fullPage: true });
  // One click into the evaluation screen.
  await lead.page.getByTestId('open-next').click();
  await expect(lead.page).toHaveURL(/\/evaluate\/\d+/);
  await lead.close();

  // The client's auditor verifies the run; another client's auditor does not even see it.
  const auditor = await as(browser, 'auditor.energy@demo.attentive.test');
  await auditor.page.goto(`/sampling/runs/${runId}/verify`);
  await expect(auditor.page.getByTestId('verdict')).toContainText('Match');
  await expect(auditor.page.getByTestId('verify-period')).toHaveText(periodShown(period));
  await expect(auditor.page.getByTestId('seed')).toHaveText(/^[0-9a-f]{64}$/);
  // The eligible ids download: its sha256 is the population hash shown on the page.
  const href = await auditor.page.getByTestId('population-download').getAttribute('href');
  const file = await auditor.page.request.get(href!);
  expect(file.status()).toBe(200);
  const digest = createHash('sha256')
    .update(await file.body())
    .digest('hex');
  await expect(auditor.page.getByText(digest).first()).toBeVisible();
  await auditor.page.screenshot({ path: 'test-results/sampling-verify.png', fullPage: true });
  await auditor.close();

  const other = await as(browser, 'auditor.telco@demo.attentive.test');
  const res = await other.page.goto(`/sampling/runs/${runId}/verify`);
  expect(res?.status()).toBe(404);
  await other.close();
});

test('a cross-team sample: a lead opens a call of another team that the sample assigned to it, and no other call of that team', async ({
  browser
}) => {
  const admin = await as(browser, 'admin@demo.attentive.test');
  const p = admin.page;
  await p.goto('/sampling/plans/new');
  await p.getByLabel('Name').fill(`E2E cross-team ${Date.now()}`);
  await p.getByLabel('Program').selectOption({ label: 'Zonnedijk Energie — Energie klantenservice' });
  await p.getByTestId('quota').fill('1');
  await p.getByLabel('Evaluated by').selectOption('cross_team');
  const runId = await saveRunAndOpen(p);
  await admin.close();

  // A drawn call whose evaluator leads another team than the call's agent, and a call of that agent not drawn.
  const db = createClient({ url: process.env.E2E_DATABASE_URL! });
  const pick = await db.execute({
    sql: `SELECT si.call_id AS callId, si.agent_id AS agentId, lead.email AS email FROM sample_items si
          JOIN people agent ON agent.id = si.agent_id JOIN people lead ON lead.id = si.assigned_to
          JOIN role_assignments ra ON ra.person_id = lead.id AND ra.role = 'team_lead'
          WHERE si.run_id = ? AND ra.team_id <> agent.team_id AND lead.user_id IS NOT NULL ORDER BY si.id LIMIT 1`,
    args: [runId]
  });
  const row = pick.rows[0]!;
  const other = await db.execute({
    sql: 'SELECT id FROM calls WHERE agent_id = ? AND id NOT IN (SELECT call_id FROM sample_items) ORDER BY id LIMIT 1',
    args: [row.agentId ?? null]
  });
  db.close();
  const callId = Number(row.callId);

  const lead = await as(browser, String(row.email));
  await lead.page.goto('/work');
  await lead.page.locator(`a.open-call[href="/evaluate/${callId}"]`).click();
  await expect(lead.page).toHaveURL(new RegExp(`/evaluate/${callId}$`));
  await expect(lead.page.getByTestId('scorecard')).toBeVisible();
  await lead.page.screenshot({ path: 'test-results/sampling-cross-team-evaluate.png', fullPage: true });
  const res = await lead.page.goto(`/evaluate/${Number(other.rows[0]!.id)}`);
  expect(res?.status()).toBe(404);
  await lead.close();
});

test('the plan editor shows the quota per group and warns when the new-agent quota stays at 8 after the quota went to 1', async ({
  browser
}) => {
  const admin = await as(browser, 'admin@demo.attentive.test');
  const p = admin.page;
  await p.goto('/sampling/plans/new', { waitUntil: 'networkidle' });
  await p.getByLabel('Program').selectOption({ label: 'Zonnedijk Energie — Energie klantenservice' });
  // The default: 4 calls, 8 for new agents: twice as many, no warning.
  await expect(p.getByTestId('quota-groups')).toContainText('Agents in their first 3 months: 8 calls per period');
  await expect(p.getByTestId('quota-warnings')).toHaveCount(0);
  await p.getByTestId('quota').fill('1');
  await expect(p.getByTestId('quota-groups')).toContainText('Other agents: 1 call per period');
  await expect(p.getByTestId('quota-warnings')).toContainText('get 8 calls per period, 8 times the 1 call every other agent gets');
  // The preview says the same, with how many agents of last period fall in each group.
  await p.getByTestId('preview').click();
  const groups = p.getByTestId('preview-quota-groups');
  await expect(groups).toContainText('Agents in their first 3 months');
  await expect(groups).toContainText('8 calls per period');
  await expect(groups).toContainText('1 call per period');
  await expect(p.getByTestId('preview-quota-warnings')).toContainText('8 times the 1 call');
  // Proportional over queues: what each queue gets, per group.
  await p.getByLabel('Proportional across').selectOption('queue');
  await p.getByTestId('preview').click();
  await expect(p.getByTestId('preview-quota-strata')).toContainText('Meterstanden');
  await expect(p.getByTestId('preview-quota-strata')).toContainText('Other agents');
  await p.screenshot({ path: 'test-results/sampling-quota-warning.png', fullPage: true });
  await admin.close();
});
