// app first: @hono/zod-openapi must extend zod before shared schemas are built
import { createApp } from '../src/app.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb } from '@attentive/db/testing';
import { seedDemoIfEmpty } from '@attentive/db/demo/seed';
import { DEMO_PASSWORD, seedDemoAccounts } from '@attentive/db/demo/accounts';
import { loadEnv } from '../src/env.ts';
import { signInWithPassword } from './support/auth.ts';

let t: Awaited<ReturnType<typeof createTestDb>>;
let app: ReturnType<typeof createApp>;
beforeAll(async () => {
  t = await createTestDb();
  app = createApp({ db: t.db, env: loadEnv({ NODE_ENV: 'test' }) });
  await seedDemoIfEmpty(t.db, { calls: 300, transcripts: 5 });
}, 120_000);
afterAll(() => t.cleanup());

const DEMO = [
  { email: 'admin@demo.attentive.test', roles: ['admin'] },
  { email: 'qa@demo.attentive.test', roles: ['qa_analyst'] },
  { email: 'tl01@demo.attentive.test', roles: ['team_lead'] },
  { email: 'tl08@demo.attentive.test', roles: ['team_lead'] },
  { email: 'agent001@demo.attentive.test', roles: ['agent'] },
  { email: 'auditor.energy@demo.attentive.test', roles: ['client_auditor'] },
  { email: 'auditor.telco@demo.attentive.test', roles: ['client_auditor'] },
  { email: 'auditor.insure@demo.attentive.test', roles: ['client_auditor'] },
  { email: 'shopper@demo.attentive.test', roles: ['mystery_shopper'] },
  { email: 'caller@demo.attentive.test', roles: ['survey_caller'] }
];

describe('demo accounts', () => {
  it.each(DEMO)('$email signs in with the demo password and holds $roles', async ({ email, roles }) => {
    const headers = await signInWithPassword(app, email, DEMO_PASSWORD);
    const me = await (await app.request('/api/me', { headers })).json();
    expect(me.roles).toEqual(roles);
  });

  it('scopes team leads to their team and auditors to their client', async () => {
    const tl = await (
      await app.request('/api/me', { headers: await signInWithPassword(app, 'tl03@demo.attentive.test', DEMO_PASSWORD) })
    ).json();
    const teams = await t.db.$client.execute("select id from teams where code = 'T03'");
    expect(tl.grants).toEqual([{ role: 'team_lead', teamId: Number(teams.rows[0]!.id) }]);
    const headers = await signInWithPassword(app, 'auditor.telco@demo.attentive.test', DEMO_PASSWORD);
    const programs = await (await app.request('/api/me/programs', { headers })).json();
    expect(programs.items.length).toBeGreaterThan(0);
    expect(programs.items.every((p: { clientCode: string }) => p.clientCode === 'TELCO')).toBe(true);
  });

  it('gives every team T01 agent an account and every agent the agent role', async () => {
    const rs = await t.db.$client.execute(`
      select count(*) filter (where p.user_id is not null) as accounts, count(*) as agents,
             count(*) filter (where exists (select 1 from role_assignments ra where ra.person_id = p.id and ra.role = 'agent')) as with_role
      from people p join teams tm on tm.id = p.team_id where p.code like 'AG%' and tm.code = 'T01'`);
    const row = rs.rows[0]!;
    expect(Number(row.accounts)).toBe(Number(row.agents));
    expect(Number(row.with_role)).toBe(Number(row.agents));
    const all = await t.db.$client.execute(
      "select count(*) as n from people p where p.code like 'AG%' and not exists (select 1 from role_assignments ra where ra.person_id = p.id and ra.role = 'agent')"
    );
    expect(Number(all.rows[0]!.n)).toBe(0);
  });

  it('does nothing the second time', async () => {
    const tenant = await t.db.$client.execute("select id from tenants where slug = 'demo'");
    expect(await seedDemoAccounts(t.db, Number(tenant.rows[0]!.id))).toEqual({ roles: 0, accounts: 0 });
  });
});
