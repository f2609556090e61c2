import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, count, eq, sql } from 'drizzle-orm';
import { schema } from '@attentive/db';
import { createTestDb } from '@attentive/db/testing';
import { createFixtureOrg, type FixtureOrg } from '@attentive/db/fixtures';
import type { Ctx } from '../src/context.ts';
import type { Principal } from '../src/policy/principal.ts';
import { outcomeOf, userPrincipal } from './verb-support.ts';
import {
  createSamplingPlan,
  getSampleRun,
  listSampleRuns,
  populationHash,
  previewSamplingPlan,
  publishSamplingPlan,
  reassignSampleItem,
  replaceSampleItem,
  runDuePlans,
  runSamplingPlan,
  updateSamplingPlan,
  verifySampleRun,
  workQueue
} from '../src/sampling/index.ts';

let t: Awaited<ReturnType<typeof createTestDb>>;
let org: FixtureOrg;
let leadA: number;
let leadB: number;
let qa: number;
const NOW = new Date('2026-11-23T10:00:00Z'); // Monday: week 2026-W47 and before are closed
const WEEK45 = '2026-11-02';

const principal = (grants: Principal['grants'], personId?: number) => userPrincipal(org.tenantId, grants, personId);
const ctxOf = (p: Principal, now = NOW): Ctx => ({ db: t.db, principal: p, now: () => now });
const admin = () => ctxOf(principal([{ role: 'admin' }]));
const code = (p: Promise<unknown>) => outcomeOf(p);
const runsCount = async () =>
  Number((await t.db.select({ n: count() }).from(schema.sampleRuns).where(eq(schema.sampleRuns.tenantId, org.tenantId)))[0]!.n);

async function person(
  name: string,
  teamId: number | null,
  role: 'team_lead' | 'qa_analyst' | 'client_auditor',
  scope: { teamId?: number; clientId?: number } = {}
) {
  const [p] = await t.db.insert(schema.people).values({ tenantId: org.tenantId, code: name, name, teamId }).returning();
  await t.db
    .insert(schema.roleAssignments)
    .values({ tenantId: org.tenantId, personId: p!.id, role, teamId: scope.teamId ?? null, clientId: scope.clientId ?? null });
  return p!.id;
}

async function publishedPlan(definition: object, programId = org.programs.a.id, name = `plan ${Math.random()}`) {
  const plan = await createSamplingPlan({ ctx: admin(), input: { programId, name, definition } });
  await publishSamplingPlan({ ctx: admin(), input: { planId: plan.id } });
  return plan.id;
}

beforeAll(async () => {
  t = await createTestDb();
  // 20 calls per agent, one an hour from Monday 2026-11-02 09:00 UTC (week 45).
  org = await createFixtureOrg(t.db, { callsPerAgent: 20 });
  leadA = await person('Lead A', null, 'team_lead', { teamId: org.teams.a.id });
  leadB = await person('Lead B', null, 'team_lead', { teamId: org.teams.b.id });
  qa = await person('QA', null, 'qa_analyst');
});
afterAll(() => t.cleanup());

const basic = { period: 'week', timezone: 'UTC', quota: { perAgent: 4 } };

describe('plans', () => {
  it('refuses bad plans with a 4xx naming the field, and stores nothing', async () => {
    const before = (await t.db.select({ n: count() }).from(schema.samplingPlans)).at(0)!.n;
    await expect(
      createSamplingPlan({ ctx: admin(), input: { programId: org.programs.a.id, name: 'x', definition: { quota: { perAgent: -1 } } } })
    ).rejects.toMatchObject({
      code: 'VALIDATION',
      message: expect.stringContaining('definition.quota.perAgent')
    });
    await expect(
      createSamplingPlan({
        ctx: admin(),
        input: { programId: org.programs.a.id, name: 'x', definition: { ...basic, filters: { queueIds: [org.queues.b.id] } } }
      })
    ).rejects.toMatchObject({
      code: 'VALIDATION',
      message: expect.stringMatching(/Unknown queue/)
    });
    expect(await code(createSamplingPlan({ ctx: admin(), input: { programId: 999999, name: 'x', definition: basic } }))).toBe('NOT_FOUND');
    expect(
      await code(
        createSamplingPlan({
          ctx: ctxOf(principal([{ role: 'team_lead', teamId: org.teams.a.id }], leadA)),
          input: { programId: org.programs.a.id, name: 'x', definition: basic }
        })
      )
    ).toBe('FORBIDDEN');
    expect((await t.db.select({ n: count() }).from(schema.samplingPlans)).at(0)!.n).toBe(before);
  });

  it('versions: publishing freezes the draft; editing the draft does not change the version', async () => {
    const plan = await createSamplingPlan({ ctx: admin(), input: { programId: org.programs.a.id, name: 'versioned', definition: basic } });
    const v1 = await publishSamplingPlan({ ctx: admin(), input: { planId: plan.id } });
    await updateSamplingPlan({ ctx: admin(), input: { planId: plan.id, definition: { ...basic, quota: { perAgent: 9 } } } });
    const v2 = await publishSamplingPlan({ ctx: admin(), input: { planId: plan.id } });
    expect([v1.version, v2.version]).toEqual([1, 2]);
    const [row] = await t.db.select().from(schema.samplingPlanVersions).where(eq(schema.samplingPlanVersions.id, v1.id));
    expect((row!.definition as { quota: { perAgent: number } }).quota.perAgent).toBe(4);
    expect(
      await code(createSamplingPlan({ ctx: admin(), input: { programId: org.programs.a.id, name: 'versioned', definition: basic } }))
    ).toBe('CONFLICT');
  });
});

describe('runs', () => {
  let planId: number;
  let runId: number;
  beforeAll(async () => {
    planId = await publishedPlan(basic);
  });

  it('draws each agent its quota, stores seed, hash and period, assigns the own team lead, audits', async () => {
    const r = await runSamplingPlan({ ctx: admin(), input: { planId, date: WEEK45 } });
    runId = r.runId;
    expect(r).toMatchObject({ period: '2026-W45', populationSize: 40, selected: 8, assigned: 8, agents: 2 });
    const [run] = await t.db.select().from(schema.sampleRuns).where(eq(schema.sampleRuns.id, r.runId));
    expect(run!.seed).toMatch(/^[0-9a-f]{64}$/);
    expect(run!.seedSource).toBe('generated');
    const ids = org.calls.filter((c) => c.programId === org.programs.a.id).map((c) => c.id);
    expect(run!.populationHash).toBe(populationHash(ids));
    const items = await t.db.select().from(schema.sampleItems).where(eq(schema.sampleItems.runId, r.runId));
    // Due at the end of the 7th day, counting today (plan time zone UTC): Sunday 24:00.
    expect(items.every((i) => i.assignedTo === leadA && i.dueAt!.toISOString() === '2026-11-30T00:00:00.000Z')).toBe(true);
    const audits = await t.db
      .select()
      .from(schema.auditLog)
      .where(and(eq(schema.auditLog.action, 'sample_run.create'), eq(schema.auditLog.objectId, String(r.runId))));
    expect(audits).toHaveLength(1);
  });

  it('never draws the same period twice', async () => {
    const before = await runsCount();
    expect(await code(runSamplingPlan({ ctx: admin(), input: { planId, date: WEEK45 } }))).toBe('CONFLICT');
    expect(await runsCount()).toBe(before);
  });

  it('refuses future, unfinished and empty periods, and unpublished plans; nothing is run', async () => {
    const before = await runsCount();
    await expect(runSamplingPlan({ ctx: admin(), input: { planId, date: '2027-01-04' } })).rejects.toMatchObject({
      code: 'VALIDATION',
      message: expect.stringMatching(/in the future/)
    });
    await expect(runSamplingPlan({ ctx: admin(), input: { planId, date: '2026-11-23' } })).rejects.toMatchObject({
      code: 'VALIDATION',
      message: expect.stringMatching(/not ended/)
    });
    await expect(runSamplingPlan({ ctx: admin(), input: { planId, date: '2026-10-05' } })).rejects.toMatchObject({
      code: 'VALIDATION',
      message: expect.stringMatching(/No call .* matches/)
    });
    const strict = await publishedPlan({ ...basic, filters: { minTalkSeconds: 100_000 } });
    await expect(runSamplingPlan({ ctx: admin(), input: { planId: strict, date: WEEK45 } })).rejects.toMatchObject({
      code: 'VALIDATION',
      message: expect.stringMatching(/40 call\(s\) in the period before filters/)
    });
    const draft = await createSamplingPlan({
      ctx: admin(),
      input: { programId: org.programs.a.id, name: 'draft only', definition: basic }
    });
    expect(await code(runSamplingPlan({ ctx: admin(), input: { planId: draft.id, date: WEEK45 } }))).toBe('PRECONDITION_FAILED');
    expect(await code(runSamplingPlan({ ctx: admin(), input: { planId, from: '2026-11-05', to: '2026-11-02' } }))).toBe('VALIDATION');
    expect(await code(runSamplingPlan({ ctx: admin(), input: { planId, date: WEEK45, seed: 'xyz' } }))).toBe('VALIDATION');
    expect(await runsCount()).toBe(before);
  });

  it('verifies: recomputation matches; a tampered item or a late call is reported', async () => {
    const v = await verifySampleRun({ ctx: admin(), input: { runId } });
    expect(v.ok).toBe(true);
    expect(v.checks.map((c) => [c.name, c.ok])).toEqual([
      ['population', true],
      ['exclusions', true],
      ['quotas', true],
      ['draw', true],
      ['replacements', true]
    ]);
  });

  it('replaces an item by the next-ranked call of the same agent, with a required reason, logged', async () => {
    const items = await t.db.select().from(schema.sampleItems).where(eq(schema.sampleItems.runId, runId));
    const victim = items[0]!;
    expect(await code(replaceSampleItem({ ctx: admin(), input: { itemId: victim.id, reason: '  ' } }))).toBe('VALIDATION');
    const r = await replaceSampleItem({ ctx: admin(), input: { itemId: victim.id, reason: 'no audio' } });
    expect(r.replacement).not.toBeNull();
    const rep = (await t.db.select().from(schema.sampleItems).where(eq(schema.sampleItems.id, r.replacement!.itemId)))[0]!;
    expect(rep).toMatchObject({ status: 'replacement', agentId: victim.agentId, assignedTo: victim.assignedTo });
    // Next-ranked: lower than every other unused call of the agent, higher than every drawn one.
    const unused = org.calls.filter((c) => c.agentId === victim.agentId && !items.some((i) => i.callId === c.id) && c.id !== rep.callId);
    const { ranker } = await import('../src/sampling/rank.ts');
    const [run] = await t.db.select().from(schema.sampleRuns).where(eq(schema.sampleRuns.id, runId));
    const rk = ranker(run!.seed);
    for (const c of unused) expect(rk.hex(c.id) > rep.rank).toBe(true);
    const after = (await t.db.select().from(schema.sampleItems).where(eq(schema.sampleItems.id, victim.id)))[0]!;
    expect(after).toMatchObject({ status: 'replaced', reason: 'no audio', replacedBy: rep.id });
    expect(await code(replaceSampleItem({ ctx: admin(), input: { itemId: victim.id, reason: 'again' } }))).toBe('CONFLICT');
    const audit = await t.db
      .select()
      .from(schema.auditLog)
      .where(and(eq(schema.auditLog.action, 'sample_item.replace'), eq(schema.auditLog.objectId, String(victim.id))));
    expect(JSON.parse(audit[0]!.after!)).toMatchObject({ reason: 'no audio', replacementCallId: rep.callId });
    const detail = await getSampleRun({ ctx: admin(), input: { runId } });
    const ledgerRow = detail.ledger.find((l) => l.agentId === victim.agentId)!;
    expect(ledgerRow).toMatchObject({ eligible: 20, quota: 4, drawn: 4, replaced: 1, replacements: 1, standing: 4, reasons: ['no audio'] });
    expect((await verifySampleRun({ ctx: admin(), input: { runId } })).ok).toBe(true);
  });

  it('detects tampering', async () => {
    const [item] = await t.db
      .select()
      .from(schema.sampleItems)
      .where(and(eq(schema.sampleItems.runId, runId), eq(schema.sampleItems.status, 'selected')))
      .limit(1);
    const other = org.calls.find((c) => c.agentId === item!.agentId && c.id !== item!.callId)!;
    const used = new Set((await t.db.select().from(schema.sampleItems).where(eq(schema.sampleItems.runId, runId))).map((i) => i.callId));
    const free = org.calls.find((c) => c.agentId === item!.agentId && !used.has(c.id))!;
    expect(other).toBeDefined();
    await t.db.update(schema.sampleItems).set({ callId: free.id }).where(eq(schema.sampleItems.id, item!.id));
    const v = await verifySampleRun({ ctx: admin(), input: { runId } });
    expect(v.ok).toBe(false);
    expect(v.checks.find((c) => c.name === 'draw')!.ok).toBe(false);
    expect(v.missing).toEqual([item!.callId]);
    expect(v.unexpected).toEqual([free.id]);
    await t.db.update(schema.sampleItems).set({ callId: item!.callId }).where(eq(schema.sampleItems.id, item!.id));
    // A call imported late into the period changes the population.
    const [late] = await t.db
      .insert(schema.calls)
      .values({ ...org.calls[0]!, id: undefined, externalId: 'late', startedAt: new Date('2026-11-04T10:00:00Z'), createdAt: undefined })
      .returning();
    const v2 = await verifySampleRun({ ctx: admin(), input: { runId } });
    expect(v2.checks.find((c) => c.name === 'population')!.ok).toBe(false);
    await t.db.delete(schema.calls).where(eq(schema.calls.id, late!.id));
    expect((await verifySampleRun({ ctx: admin(), input: { runId } })).ok).toBe(true);
  });

  it('a client auditor verifies runs of its own client and gets NOT_FOUND for others', async () => {
    const own = principal([{ role: 'client_auditor', clientId: org.clients.a.id }]);
    const foreign = principal([{ role: 'client_auditor', clientId: org.clients.b.id }]);
    expect((await verifySampleRun({ ctx: ctxOf(own), input: { runId } })).ok).toBe(true);
    expect(await code(verifySampleRun({ ctx: ctxOf(foreign), input: { runId } }))).toBe('NOT_FOUND');
    expect(await code(getSampleRun({ ctx: ctxOf(foreign), input: { runId } }))).toBe('NOT_FOUND');
    expect((await listSampleRuns({ ctx: ctxOf(foreign) })).some((r) => r.id === runId)).toBe(false);
    expect((await listSampleRuns({ ctx: ctxOf(own) })).some((r) => r.id === runId)).toBe(true);
    expect(
      await code(verifySampleRun({ ctx: ctxOf(principal([{ role: 'team_lead', teamId: org.teams.a.id }], leadA)), input: { runId } }))
    ).toBe('NOT_FOUND');
  });

  it('a client auditor orders an audit sample with its own seed; without a seed it may not run', async () => {
    const own = ctxOf(principal([{ role: 'client_auditor', clientId: org.clients.a.id }]));
    expect(await code(runSamplingPlan({ ctx: own, input: { planId, date: WEEK45 } }))).toBe('FORBIDDEN');
    const seed = 'c0ffee'.repeat(8);
    const r = await runSamplingPlan({ ctx: own, input: { planId, date: WEEK45, seed } });
    const [run] = await t.db.select().from(schema.sampleRuns).where(eq(schema.sampleRuns.id, r.runId));
    expect(run).toMatchObject({ seed, seedSource: 'client', trigger: 'client', purpose: 'audit' });
    // Already-sampled calls of the routine run are left out, and the exclusions check out.
    expect(r.populationSize).toBe(40 - 9);
    expect((await verifySampleRun({ ctx: own, input: { runId: r.runId } })).ok).toBe(true);
    expect(
      await code(
        runSamplingPlan({
          ctx: ctxOf(principal([{ role: 'client_auditor', clientId: org.clients.b.id }])),
          input: { planId, date: WEEK45, seed }
        })
      )
    ).toBe('NOT_FOUND');
  });

  it('the team lead sees its queue; reassignment moves an item', async () => {
    const q = await workQueue({ ctx: ctxOf(principal([{ role: 'team_lead', teamId: org.teams.a.id }], leadA)) });
    expect(q.items.length).toBeGreaterThanOrEqual(8);
    // Due Sunday 24:00 UTC, which is Monday 01:00 in Amsterdam (the queue's default zone): next week there.
    expect(q.summary).toMatchObject({ open: q.items.length, overdue: 0, dueThisWeek: 0 });
    const utc = await workQueue({
      ctx: ctxOf(principal([{ role: 'team_lead', teamId: org.teams.a.id }], leadA)),
      input: { timezone: 'UTC' }
    });
    expect(utc.summary.dueThisWeek).toBe(utc.items.length);
    const later = await workQueue({
      ctx: ctxOf(principal([{ role: 'team_lead', teamId: org.teams.a.id }], leadA), new Date(NOW.getTime() + 8 * 86_400_000))
    });
    expect(later.summary).toMatchObject({ overdue: later.items.length, dueThisWeek: later.items.length });
    expect(await code(workQueue({ ctx: ctxOf(principal([{ role: 'agent' }], org.agents.a1.id)) }))).toBe('FORBIDDEN');
    const item = q.items[0]!;
    expect(
      await code(
        reassignSampleItem({
          ctx: ctxOf(principal([{ role: 'team_lead', teamId: org.teams.b.id }], leadB)),
          input: { itemId: item.itemId }
        })
      )
    ).toBe('NOT_FOUND');
    expect(await code(reassignSampleItem({ ctx: admin(), input: { itemId: item.itemId, assigneeId: org.agents.a2.id } }))).toBe(
      'VALIDATION'
    );
    await reassignSampleItem({ ctx: ctxOf(principal([{ role: 'qa_analyst' }], qa)), input: { itemId: item.itemId } });
    const qaQueue = await workQueue({ ctx: ctxOf(principal([{ role: 'qa_analyst' }], qa)) });
    expect(qaQueue.items.map((i) => i.itemId)).toContain(item.itemId);
  });

  it('an item leaves the queue once its call has a submitted evaluation', async () => {
    const leadCtx = ctxOf(principal([{ role: 'team_lead', teamId: org.teams.a.id }], leadA));
    const q = await workQueue({ ctx: leadCtx });
    const item = q.items[0]!;
    const call = org.calls.find((c) => c.id === item.callId)!;
    const fk = await t.db.all<{ n: number }>(sql`pragma foreign_keys`);
    await t.db.run(sql`pragma foreign_keys = off`);
    await t.db.insert(schema.evaluations).values({
      tenantId: org.tenantId,
      callId: call.id,
      agentId: call.agentId,
      programId: call.programId,
      scorecardVersionId: 1,
      evaluatorId: leadA,
      evaluatorLabel: 'lead',
      kind: 'sampled',
      status: 'submitted',
      answers: {},
      submittedAt: NOW,
      updatedAt: NOW
    });
    if (Number(Object.values(fk[0] ?? {})[0]) === 1) await t.db.run(sql`pragma foreign_keys = on`);
    const after = await workQueue({ ctx: leadCtx });
    expect(after.items.map((i) => i.itemId)).not.toContain(item.itemId);
    expect(after.summary.doneThisWeek).toBe(1);
  });
});

describe('planner preview', () => {
  it('reports eligible calls, quotas (new agents more) and margins per agent, team and program', async () => {
    const p = await previewSamplingPlan({
      ctx: ctxOf(principal([{ role: 'admin' }]), new Date('2026-11-09T10:00:00Z')),
      input: {
        programId: org.programs.b.id,
        definition: { ...basic, quota: { perAgent: 4, newAgent: { months: 3, perAgent: 8 } } },
        confidence: 0.95,
        margin: 0.1
      }
    });
    expect(p.period.label).toBe('2026-W45');
    expect(p.eligible).toBe(40);
    const b1 = p.agents.find((a) => a.agentId === org.agents.b1.id)!; // hired 2026-09-01: new
    const b2 = p.agents.find((a) => a.agentId === org.agents.b2.id)!;
    expect([b1.quota, b1.isNew, b2.quota, b2.isNew]).toEqual([8, true, 4, false]);
    expect(p.programLevel).toMatchObject({ population: 40, planned: 12 });
    expect(p.agents[0]!.marginAtPlanned).toBeGreaterThan(p.programLevel.marginAtPlanned!);
  });
});

describe('scheduler', () => {
  it('draws the last closed period once; a second pass (or a restart) finds it done', async () => {
    const planId = await publishedPlan(basic, org.programs.b.id);
    const at = new Date('2026-11-10T01:00:00Z'); // week 45 closed
    const first = await runDuePlans({ db: t.db, now: at });
    expect(first.find((r) => r.planId === planId)).toMatchObject({ outcome: 'ran', period: '2026-W45' });
    const second = await runDuePlans({ db: t.db, now: at });
    expect(second.find((r) => r.planId === planId)).toMatchObject({ outcome: 'exists' });
    const runs = await t.db.select().from(schema.sampleRuns).where(eq(schema.sampleRuns.planId, planId));
    expect(runs).toHaveLength(1);
    expect(runs[0]).toMatchObject({ trigger: 'schedule', requestedBy: 'system:scheduler' });
    // Items of team B go to team B's lead.
    const items = await t.db.select().from(schema.sampleItems).where(eq(schema.sampleItems.runId, runs[0]!.id));
    expect(new Set(items.map((i) => i.assignedTo))).toEqual(new Set([leadB]));
  });
});

describe('frozen facts', () => {
  it('a published version and a drawn run cannot be changed or deleted', async () => {
    const planId = await publishedPlan(basic, org.programs.b.id);
    const [v] = await t.db.select().from(schema.samplingPlanVersions).where(eq(schema.samplingPlanVersions.planId, planId));
    await expect(
      t.db.update(schema.samplingPlanVersions).set({ definition: {} }).where(eq(schema.samplingPlanVersions.id, v!.id))
    ).rejects.toThrow();
    const r = await runSamplingPlan({ ctx: admin(), input: { planId, from: '2026-11-02', to: '2026-11-04' } });
    await expect(
      t.db
        .update(schema.sampleRuns)
        .set({ seed: 'ab'.repeat(32) })
        .where(eq(schema.sampleRuns.id, r.runId))
    ).rejects.toThrow();
    await expect(t.db.delete(schema.sampleRuns).where(eq(schema.sampleRuns.id, r.runId))).rejects.toThrow();
  });
});
