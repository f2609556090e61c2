// app first: @hono/zod-openapi must extend zod before shared schemas are built
import { createApp } from '../src/app.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { and, count, eq } from 'drizzle-orm';
import { createTestDb } from '@attentive/db/testing';
import { createFixtureOrg, type FixtureOrg } from '@attentive/db/fixtures';
import { schema } from '@attentive/db';
import { loadEnv } from '../src/env.ts';
import { signInAs } from './support/auth.ts';

let t: Awaited<ReturnType<typeof createTestDb>>;
let app: ReturnType<typeof createApp>;
let org: FixtureOrg;
type Session = Awaited<ReturnType<typeof signInAs>>;
let admin: Session, lead: Session, auditorA: Session, auditorB: Session, agent: Session;
// Monday 2026-11-23: the fixture's calls (week 2026-W45) are in a closed period.
const NOW = new Date('2026-11-23T10:00:00Z');

beforeAll(async () => {
  t = await createTestDb();
  app = createApp({ db: t.db, env: loadEnv({ NODE_ENV: 'test' }), now: () => NOW });
  org = await createFixtureOrg(t.db, { callsPerAgent: 12 });
  admin = await signInAs(app, t.db, { tenantId: org.tenantId, grants: [{ role: 'admin' }] });
  lead = await signInAs(app, t.db, { tenantId: org.tenantId, grants: [{ role: 'team_lead', teamId: org.teams.a.id }] });
  auditorA = await signInAs(app, t.db, { tenantId: org.tenantId, grants: [{ role: 'client_auditor', clientId: org.clients.a.id }] });
  auditorB = await signInAs(app, t.db, { tenantId: org.tenantId, grants: [{ role: 'client_auditor', clientId: org.clients.b.id }] });
  agent = await signInAs(app, t.db, { tenantId: org.tenantId, grants: [{ role: 'agent' }], personId: org.agents.a1.id });
});
afterAll(() => t.cleanup());

const call = async (who: Session | null, method: string, path: string, body?: unknown) => {
  const res = await app.request(path, {
    method,
    headers: { ...(who?.headers ?? {}), ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body)
  });
  return { status: res.status, body: (await res.json()) as any };
};
const runs = async () =>
  Number((await t.db.select({ n: count() }).from(schema.sampleRuns).where(eq(schema.sampleRuns.tenantId, org.tenantId)))[0]!.n);
const definition = { period: 'week', timezone: 'Europe/Amsterdam', quota: { perAgent: 3 }, filters: { minTalkSeconds: 30 } };

describe('sampling API', () => {
  let planId: number;
  let runId: number;

  it('refuses anonymous callers, agents and team leads for plan management', async () => {
    expect((await call(null, 'GET', '/api/sampling/plans')).status).toBe(401);
    expect((await call(agent, 'GET', '/api/sampling/plans')).status).toBe(403);
    expect((await call(lead, 'POST', '/api/sampling/plans', { programId: org.programs.a.id, name: 'x', definition })).status).toBe(403);
  });

  it('bad plans → 400 naming the field; nothing stored or run', async () => {
    const neg = await call(admin, 'POST', '/api/sampling/plans', {
      programId: org.programs.a.id,
      name: 'neg',
      definition: { quota: { perAgent: -2 } }
    });
    expect(neg.status).toBe(400);
    expect(neg.body.error.details[0].path).toBe('definition.quota.perAgent');
    const queue = await call(admin, 'POST', '/api/sampling/plans', {
      programId: org.programs.a.id,
      name: 'q',
      definition: { ...definition, filters: { queueIds: [987654] } }
    });
    expect(queue.status).toBe(400);
    expect(queue.body.error.message).toMatch(/Unknown queue.*987654/);
    expect(
      (await t.db.select({ n: count() }).from(schema.samplingPlans).where(eq(schema.samplingPlans.tenantId, org.tenantId)))[0]!.n
    ).toBe(0);
  });

  it('admin creates, previews, publishes and runs a plan; the period cannot be drawn twice', async () => {
    const created = await call(admin, 'POST', '/api/sampling/plans', {
      programId: org.programs.a.id,
      name: 'Weekly care sample',
      definition
    });
    expect(created.status).toBe(201);
    planId = created.body.id;
    const preview = await call(admin, 'POST', '/api/sampling/plans/preview', {
      programId: org.programs.a.id,
      definition,
      confidence: 0.95,
      margin: 0.1
    });
    expect(preview.status).toBe(200);
    expect(preview.body.period.label).toBe('2026-W47');
    // Shown as the local Monday and Sunday, not the UTC dates of Amsterdam midnights (2026-11-15 – 2026-11-22).
    expect(preview.body.period).toMatchObject({ from: '2026-11-16', to: '2026-11-22' });
    expect(preview.body.quota).toMatchObject({
      warnings: [],
      strata: 'none',
      groups: [{ group: 'other', label: 'Every agent', quota: 3, rule: '3 calls per period', strata: [] }]
    });
    expect((await call(admin, 'POST', `/api/sampling/plans/${planId}/runs`, { date: '2026-11-02' })).status).toBe(412); // not published
    expect((await call(admin, 'POST', `/api/sampling/plans/${planId}/publish`)).status).toBe(201);
    const future = await call(admin, 'POST', `/api/sampling/plans/${planId}/runs`, { date: '2027-03-01' });
    expect(future.status).toBe(400);
    expect(future.body.error.message).toMatch(/future/);
    const empty = await call(admin, 'POST', `/api/sampling/plans/${planId}/runs`, {}); // last closed week: no calls
    expect(empty.status).toBe(400);
    expect(empty.body.error.message).toMatch(/No call/);
    expect(await runs()).toBe(0);
    const run = await call(admin, 'POST', `/api/sampling/plans/${planId}/runs`, { date: '2026-11-02' });
    expect(run.status).toBe(201);
    expect(run.body).toMatchObject({ period: '2026-W45', populationSize: 24, selected: 6 });
    runId = run.body.runId;
    const again = await call(admin, 'POST', `/api/sampling/plans/${planId}/runs`, { date: '2026-11-04' });
    expect(again.status).toBe(409);
    expect(await runs()).toBe(1);
  });

  it('the team lead sees the sampled calls of its team in its queue', async () => {
    const q = await call(lead, 'GET', '/api/sampling/work');
    expect(q.status).toBe(200);
    expect(q.body.items).toHaveLength(6);
    expect(q.body.items.every((i: { agentId: number }) => [org.agents.a1.id, org.agents.a2.id].includes(i.agentId))).toBe(true);
    expect(q.body.summary).toMatchObject({ open: 6, overdue: 0 });
    expect(q.body.items[0]).toMatchObject({ periodLabel: '2026-W45', periodFrom: '2026-11-02', periodTo: '2026-11-08' });
    expect(q.body.week).toMatchObject({ label: '2026-W48', from: '2026-11-23', to: '2026-11-29' });
  });

  it('replacing needs a reason; the replacement and the reason show on the run', async () => {
    const detail = await call(admin, 'GET', `/api/sampling/runs/${runId}`);
    const item = detail.body.items[0];
    const noReason = await call(admin, 'POST', `/api/sampling/items/${item.id}/replace`, { reason: '' });
    expect(noReason.status).toBe(400);
    expect(noReason.body.error.details[0].path).toBe('reason');
    expect((await call(lead, 'POST', `/api/sampling/items/${item.id}/replace`, { reason: 'no audio' })).status).toBe(404);
    const ok = await call(admin, 'POST', `/api/sampling/items/${item.id}/replace`, { reason: 'no audio' });
    expect(ok.status).toBe(200);
    const after = await call(admin, 'GET', `/api/sampling/runs/${runId}`);
    expect(after.body.items.find((i: { id: number }) => i.id === item.id)).toMatchObject({
      status: 'replaced',
      reason: 'no audio',
      replacedBy: ok.body.replacement.itemId
    });
    expect(after.body.ledger.find((l: { agentId: number }) => l.agentId === item.agentId)).toMatchObject({
      replaced: 1,
      replacements: 1,
      reasons: ['no audio']
    });
    const audit = await t.db
      .select()
      .from(schema.auditLog)
      .where(and(eq(schema.auditLog.action, 'sample_item.replace'), eq(schema.auditLog.objectId, String(item.id))));
    expect(audit).toHaveLength(1);
  });

  it('a client auditor verifies its own runs and gets 404 for others', async () => {
    const own = await call(auditorA, 'GET', `/api/sampling/runs/${runId}/verify`);
    expect(own.status).toBe(200);
    expect(own.body.ok).toBe(true);
    expect(own.body).toMatchObject({ period: '2026-W45', periodFrom: '2026-11-02', periodTo: '2026-11-08' });
    expect((await call(auditorA, 'GET', `/api/sampling/runs/${runId}`)).body.run).toMatchObject({
      periodFrom: '2026-11-02',
      periodTo: '2026-11-08'
    });
    expect(own.body.checks.map((c: { name: string }) => c.name)).toEqual(['population', 'exclusions', 'quotas', 'draw', 'replacements']);
    const other = await call(auditorB, 'GET', `/api/sampling/runs/${runId}/verify`);
    expect(other.status).toBe(404);
    expect((await call(auditorB, 'GET', `/api/sampling/runs/${runId}`)).status).toBe(404);
    expect((await call(lead, 'GET', `/api/sampling/runs/${runId}/verify`)).status).toBe(404);
    expect(
      (await call(auditorA, 'GET', '/api/sampling/runs')).body.items.map((r: { id: number; periodFrom: string; periodTo: string }) => [
        r.id,
        r.periodFrom,
        r.periodTo
      ])
    ).toEqual([[runId, '2026-11-02', '2026-11-08']]);
    expect((await call(auditorB, 'GET', '/api/sampling/runs')).body.items).toEqual([]);
  });

  it('a client auditor downloads the eligible ids of its own runs; sha256sum of the file is the population hash', async () => {
    const res = await app.request(`/api/sampling/runs/${runId}/population.txt`, { headers: auditorA.headers });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain/);
    expect(res.headers.get('content-disposition')).toContain(`sample-run-${runId}-population.txt`);
    const text = await res.text();
    const ids = text.split('\n').map(Number);
    expect(ids).toHaveLength(24);
    expect([...ids].sort((a, b) => a - b)).toEqual(ids);
    expect(text.endsWith('\n')).toBe(false);
    const [stored] = await t.db.select().from(schema.sampleRuns).where(eq(schema.sampleRuns.id, runId));
    expect(createHash('sha256').update(text).digest('hex')).toBe(stored!.populationHash);
    expect(res.headers.get('x-population-hash')).toBe(stored!.populationHash);
    expect((await app.request(`/api/sampling/runs/${runId}/population.txt`, { headers: auditorB.headers })).status).toBe(404);
    expect((await app.request(`/api/sampling/runs/${runId}/population.txt`, { headers: lead.headers })).status).toBe(404);
  });

  it('a client auditor downloads the drawn calls of its own runs as CSV, replacements and reasons included', async () => {
    const res = await app.request(`/api/sampling/runs/${runId}/items.csv`, { headers: auditorA.headers });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
    const text = (await res.text()).replace(/^\uFEFF/, '');
    const [header, ...lines] = text.trim().split('\n');
    expect(header).toBe(
      'run,period,call_id,call_started_at,agent_code,agent_name,stratum,rank,status,replaced_by_call,replacement_reason,evaluator,due_at,evaluation'
    );
    const detail = (await call(admin, 'GET', `/api/sampling/runs/${runId}`)).body;
    expect(lines).toHaveLength(detail.items.length);
    const replaced = lines.find((l) => l.includes(',replaced,'))!;
    expect(replaced).toContain('no audio');
    // A cell that a spreadsheet would run as a formula is written as text.
    const agentId = detail.items[0].agentId;
    const [before] = await t.db.select({ name: schema.people.name }).from(schema.people).where(eq(schema.people.id, agentId));
    await t.db.update(schema.people).set({ name: '=HYPERLINK("http://x","y")' }).where(eq(schema.people.id, agentId));
    const risky = await (await app.request(`/api/sampling/runs/${runId}/items.csv`, { headers: auditorA.headers })).text();
    await t.db.update(schema.people).set({ name: before!.name }).where(eq(schema.people.id, agentId));
    expect(risky).toContain(`"'=HYPERLINK(""http://x"",""y"")"`);
    expect(risky).not.toMatch(/,=HYPERLINK/);
    expect((await app.request(`/api/sampling/runs/${runId}/items.csv`, { headers: auditorB.headers })).status).toBe(404);
    expect((await app.request(`/api/sampling/runs/${runId}/items.csv`, { headers: lead.headers })).status).toBe(404);
  });

  it('a client auditor orders an audit sample with its own seed; a bad seed is a 400', async () => {
    expect((await call(auditorA, 'POST', `/api/sampling/plans/${planId}/runs`, { date: '2026-11-02', seed: 'not hex' })).status).toBe(400);
    expect((await call(auditorB, 'POST', `/api/sampling/plans/${planId}/runs`, { date: '2026-11-02', seed: 'ab'.repeat(16) })).status).toBe(
      404
    );
    const r = await call(auditorA, 'POST', `/api/sampling/plans/${planId}/runs`, { date: '2026-11-02', seed: 'AB'.repeat(16) });
    expect(r.status).toBe(201);
    const [run] = await t.db.select().from(schema.sampleRuns).where(eq(schema.sampleRuns.id, r.body.runId));
    expect(run).toMatchObject({ seed: 'ab'.repeat(16), seedSource: 'client', trigger: 'client', purpose: 'audit' });
  });

  it('is in the OpenAPI document', async () => {
    const doc = await (await app.request('/api/openapi.json')).json();
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/api/sampling/plans', '/api/sampling/runs/{id}/verify', '/api/sampling/work'])
    );
  });
});
