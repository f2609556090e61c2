import { createClient } from '@libsql/client';
import { expect, test } from '@playwright/test';
import { signInAsDemo } from './support/sign-in';

// Team T01: its lead and one of its agents (packages/db/src/demo/accounts.ts).
const LEAD = 'tl01@demo.attentive.test';
const AGENT = 'agent001@demo.attentive.test';

async function personIdOf(email: string) {
  const db = createClient({ url: process.env.E2E_DATABASE_URL! });
  try {
    const r = await db.execute({ sql: 'SELECT id FROM people WHERE email = ?', args: [email] });
    if (!r.rows[0]) throw new Error(`no person with e-mail ${email} in the demo data`);
    return Number(r.rows[0].id);
  } finally {
    db.close();
  }
}

test('a lead asks an agent to score a call itself, then withdraws the request; the agent sees it come and go', async ({ browser }) => {
  const agentId = await personIdOf(AGENT);
  const lead = await (await browser.newContext()).newPage();
  await signInAsDemo(lead, LEAD);
  await lead.goto(`/coaching/agents/${agentId}`);
  const ask = lead.locator('form[action="?/selfEvaluation"]');
  await ask.getByLabel('Message (optional)').fill('Score this one yourself first');
  await ask.getByRole('button', { name: /^Ask / }).click();
  await expect(lead).toHaveURL(/\/coaching\/self-evaluations\/\d+$/);
  const requestPath = new URL(lead.url()).pathname;
  await expect(lead.getByTestId('self-status')).toContainText('Waiting for the agent');

  // The agent has it on its home, on a phone.
  const agent = await (await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true })).newPage();
  await signInAsDemo(agent, AGENT);
  await agent.goto('/me');
  await expect(agent.locator(`a[href="${requestPath}"]`)).toBeVisible();

  // The lead withdraws it: gone from the agent's home, and the request page says so.
  await lead.getByTestId('withdraw-self').click();
  await expect(lead.getByTestId('self-status')).toContainText('Withdrawn');
  await lead.screenshot({ path: 'test-results/self-evaluation-withdrawn.png', fullPage: true });
  await agent.reload();
  await expect(agent.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(agent.locator(`a[href="${requestPath}"]`)).toHaveCount(0);
  await agent.goto(requestPath);
  await expect(agent.getByTestId('self-status')).toContainText('withdrew');
  await lead.context().close();
  await agent.context().close();
});
