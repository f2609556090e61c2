// app first: @hono/zod-openapi must extend zod before shared schemas are built
import { createApp } from '../src/app.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { createTestDb } from '@attentive/db/testing';
import { seedDemoIfEmpty } from '@attentive/db/demo/seed';
import { DEMO_PASSWORD } from '@attentive/db/demo/accounts';
import { COUNTING_KINDS } from '@attentive/core/evaluations/kinds';
import { loadEnv } from '../src/env.ts';
import { scoresVerifyReport } from '../src/cli/scores-verify.ts';
import { signInWithPassword } from './support/auth.ts';

/**
 * The figures of a freshly seeded demo: every cached score is what the answers give (`pnpm scores:verify`),
 * the dimension aggregates rest on every evaluation, and the coaching story the README tells is there.
 */
const root = fileURLToPath(new URL('../../..', import.meta.url));
let t: Awaited<ReturnType<typeof createTestDb>>;
let app: ReturnType<typeof createApp>;
let tl01: Record<string, string>;
const sql = async (q: string, args: (string | number)[] = []) => (await t.db.$client.execute({ sql: q, args })).rows;
const cli = (...args: string[]) =>
  spawnSync('pnpm', ['--silent', 'scores:verify', ...args], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: t.url, NODE_ENV: 'test' },
    encoding: 'utf8'
  });

beforeAll(async () => {
  t = await createTestDb();
  app = createApp({ db: t.db, env: loadEnv({ NODE_ENV: 'test' }) });
  await seedDemoIfEmpty(t.db, { calls: 20_000, transcripts: 40 });
  tl01 = await signInWithPassword(app, 'tl01@demo.attentive.test', DEMO_PASSWORD);
}, 180_000);
afterAll(() => t.cleanup());

describe('pnpm scores:verify on the demo seed', () => {
  it('finds every cached score equal to what the answers give', { timeout: 60_000 }, async () => {
    const [{ n }] = (await sql('select count(*) as n from evaluations')) as unknown as [{ n: number }];
    expect(Number(n)).toBeGreaterThan(50);
    expect(await scoresVerifyReport(t.db)).toEqual({ ok: true, message: `Cached scores match the answers: ${n} evaluation(s) verified.` });
    const run = cli();
    expect(run.status, run.stderr).toBe(0);
  });

  it('names the first row whose cache differs, exits 1, and --rescore mends it', { timeout: 90_000 }, async () => {
    const [victim] = await sql(
      "select id from evaluations where status = 'submitted' and friendly_score is not null order by id limit 1 offset 5"
    );
    const id = Number(victim!.id);
    await sql('update evaluations set friendly_score = friendly_score + 10 where id = ?', [id]);
    const report = await scoresVerifyReport(t.db);
    expect(report.ok).toBe(false);
    expect(report.message).toContain(`DIFFERS at evaluation ${id} `);
    expect(report.message).toContain('friendly_score');
    const run = cli();
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(`DIFFERS at evaluation ${id} `);
    const mend = cli('--rescore');
    expect(mend.status, mend.stderr).toBe(0);
    expect((await scoresVerifyReport(t.db)).ok).toBe(true);
  });
});

describe('demo aggregates', () => {
  // Every kind that counts toward the agent: the sampled evaluations and the mystery calls matched to a T01 agent.
  it('rest every dimension on every evaluation that scored it (team T01: friendly n = overall n)', async () => {
    const res = await app.request('/api/evaluations/aggregates?groupBy=team', { headers: tl01 });
    expect(res.status).toBe(200);
    const { rows } = await res.json();
    const [team] = await sql("select id from teams where code = 'T01'");
    const t01 = rows.find((r: { group: { id: number } }) => r.group.id === Number(team!.id));
    expect(t01.n).toBeGreaterThan(50);
    const [want] = await sql(
      `select count(*) as n, count(json_extract(dimension_scores, '$.customer_friendly')) as fr, count(json_extract(dimension_scores, '$.customer_oriented')) as ori
       from evaluations e join people p on p.id = e.agent_id join teams tm on tm.id = p.team_id where tm.code = 'T01' and e.status = 'submitted' and e.kind in (${COUNTING_KINDS.map((k) => `'${k}'`).join(', ')})`
    );
    expect(t01.n).toBe(Number(want!.n));
    expect(t01.dimensions.customer_friendly.n).toBe(Number(want!.fr));
    expect(t01.dimensions.customer_oriented.n).toBe(Number(want!.ori));
    expect(t01.dimensions.customer_friendly.n).toBeGreaterThan(t01.n - 3);
  });
});

describe('the coaching story the README tells', () => {
  it('shows an open dispute of Femke Visser on the coaching page data, and a rejected one of Yara de Groot', async () => {
    const open = await (await app.request('/api/coaching/disputes?status=open', { headers: tl01 })).json();
    expect(open.items.map((d: { agentName: string }) => d.agentName)).toContain('Femke Visser');
    const rejected = await (await app.request('/api/coaching/disputes?status=rejected', { headers: tl01 })).json();
    expect(rejected.items.map((d: { agentName: string }) => d.agentName)).toContain('Yara de Groot');
  });

  it('has an open self-evaluation request for Femke and a session with Yara whose follow-up is overdue', async () => {
    const selfs = await (await app.request('/api/coaching/self-evaluations', { headers: tl01 })).json();
    expect(JSON.stringify(selfs.items)).toContain('Femke Visser');
    const [yara] = await sql(
      "select s.follow_up_on from coaching_sessions s join people p on p.id = s.agent_id where p.name = 'Yara de Groot'"
    );
    expect(String(yara!.follow_up_on) < new Date().toISOString().slice(0, 10)).toBe(true);
  });
});
