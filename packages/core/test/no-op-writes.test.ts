import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, count, eq } from 'drizzle-orm';
import { schema } from '@attentive/db';
import { createTestDb } from '@attentive/db/testing';
import { createFixtureOrg, type FixtureOrg } from '@attentive/db/fixtures';
import type { Ctx } from '../src/context.ts';
import type { Principal } from '../src/policy/principal.ts';
import { userPrincipal } from './verb-support.ts';
import {
  assignRunItems,
  createSamplingPlan,
  publishSamplingPlan,
  reassignSampleItem,
  runSamplingPlan,
  updateSamplingPlan
} from '../src/sampling/index.ts';
import { saveTeam } from '../src/org/save-team.ts';
import { saveClient } from '../src/org/save-client.ts';
import { saveProgram } from '../src/org/save-program.ts';
import { savePerson } from '../src/org/save-person.ts';
import { createScorecard, openScorecardDraft, publishScorecardDraft, saveScorecardDraft } from '../src/scorecards/index.ts';

/**
 * Repeating a write that changes nothing stores nothing: no new version, no audit row (120 identical
 * publishes made 120 versions; every repeated "assign" wrote an audit row).
 */
let t: Awaited<ReturnType<typeof createTestDb>>;
let org: FixtureOrg;
let qa: number;
const NOW = new Date('2026-11-23T10:00:00Z');
const principal = (grants: Principal['grants'], personId?: number) => userPrincipal(org.tenantId, grants, personId);
const admin = (): Ctx => ({ db: t.db, principal: principal([{ role: 'admin' }]), now: () => NOW });
const audits = async (action: string) =>
  Number(
    (
      await t.db
        .select({ n: count() })
        .from(schema.auditLog)
        .where(and(eq(schema.auditLog.tenantId, org.tenantId), eq(schema.auditLog.action, action)))
    )[0]!.n
  );
const basic = { period: 'week', timezone: 'UTC', quota: { perAgent: 2 } };

beforeAll(async () => {
  t = await createTestDb();
  org = await createFixtureOrg(t.db, { callsPerAgent: 10 });
  const [p] = await t.db.insert(schema.people).values({ tenantId: org.tenantId, code: 'QA1', name: 'QA', teamId: null }).returning();
  await t.db.insert(schema.roleAssignments).values({ tenantId: org.tenantId, personId: p!.id, role: 'qa_analyst' });
  qa = p!.id;
});
afterAll(() => t.cleanup());

describe('no-op writes store nothing', () => {
  it('publishing an unchanged draft returns the latest version; a changed draft makes the next one', async () => {
    const plan = await createSamplingPlan({ ctx: admin(), input: { programId: org.programs.a.id, name: 'idem', definition: basic } });
    const v1 = await publishSamplingPlan({ ctx: admin(), input: { planId: plan.id } });
    expect(v1).toMatchObject({ version: 1, created: true });
    const before = await audits('sampling_plan.publish');
    for (let i = 0; i < 5; i++)
      expect(await publishSamplingPlan({ ctx: admin(), input: { planId: plan.id } })).toMatchObject({
        id: v1.id,
        version: 1,
        created: false
      });
    const versions = await t.db.select().from(schema.samplingPlanVersions).where(eq(schema.samplingPlanVersions.planId, plan.id));
    expect(versions).toHaveLength(1);
    expect(await audits('sampling_plan.publish')).toBe(before);
    await updateSamplingPlan({ ctx: admin(), input: { planId: plan.id, definition: { ...basic, quota: { perAgent: 3 } } } });
    expect(await publishSamplingPlan({ ctx: admin(), input: { planId: plan.id } })).toMatchObject({ version: 2, created: true });
  });

  it('saving a plan with the same name, definition and state writes nothing', async () => {
    const plan = await createSamplingPlan({ ctx: admin(), input: { programId: org.programs.a.id, name: 'same', definition: basic } });
    const before = await audits('sampling_plan.update');
    const again = await updateSamplingPlan({ ctx: admin(), input: { planId: plan.id, name: ' same ', definition: basic, active: true } });
    expect(again).toEqual(plan);
    expect(await audits('sampling_plan.update')).toBe(before);
    await updateSamplingPlan({ ctx: admin(), input: { planId: plan.id, active: false } });
    expect(await audits('sampling_plan.update')).toBe(before + 1);
  });

  it('assigning a run again, or handing an item to whom it already has, writes no audit row', async () => {
    const plan = await createSamplingPlan({ ctx: admin(), input: { programId: org.programs.a.id, name: 'assign', definition: basic } });
    await publishSamplingPlan({ ctx: admin(), input: { planId: plan.id } });
    const run = await runSamplingPlan({ ctx: admin(), input: { planId: plan.id, date: '2026-11-02' } });
    const before = await audits('sample_run.assign');
    for (let i = 0; i < 3; i++)
      expect(await assignRunItems({ ctx: admin(), input: { runId: run.runId } })).toEqual({ unassigned: 0, assigned: 0 });
    expect(await audits('sample_run.assign')).toBe(before);

    const [item] = await t.db.select().from(schema.sampleItems).where(eq(schema.sampleItems.runId, run.runId)).limit(1);
    const first = await reassignSampleItem({ ctx: admin(), input: { itemId: item!.id, assigneeId: qa } });
    const reassigned = await audits('sample_item.reassign');
    expect(await reassignSampleItem({ ctx: admin(), input: { itemId: item!.id, assigneeId: qa, dueAt: first.dueAt } })).toEqual(first);
    expect(await reassignSampleItem({ ctx: admin(), input: { itemId: item!.id, assigneeId: qa } })).toEqual(first);
    expect(await audits('sample_item.reassign')).toBe(reassigned);
  });

  it('renaming a team, client, program or person to what it is already writes no audit row', async () => {
    const auditRows = async () =>
      Number((await t.db.select({ n: count() }).from(schema.auditLog).where(eq(schema.auditLog.tenantId, org.tenantId)))[0]!.n);
    const before = await auditRows();
    const team = await saveTeam({ ctx: admin(), input: { id: org.teams.a.id, name: ` ${org.teams.a.name} ` } });
    expect(team.name).toBe(org.teams.a.name);
    await saveClient({ ctx: admin(), input: { id: org.clients.a.id, code: org.clients.a.code, name: org.clients.a.name } });
    await saveProgram({ ctx: admin(), input: { id: org.programs.a.id, name: org.programs.a.name, clientId: org.clients.a.id } });
    await savePerson({ ctx: admin(), input: { id: org.agents.a1.id, name: org.agents.a1.name } });
    expect(await auditRows()).toBe(before);
    await saveTeam({ ctx: admin(), input: { id: org.teams.a.id, name: 'Renamed' } });
    expect(await auditRows()).toBe(before + 1);
  });

  it('scorecards: saving the draft unchanged makes no revision; publishing a copy of the published version is refused', async () => {
    const DEF = {
      sections: [
        {
          id: 's',
          title: 'S',
          items: [{ id: 'greeting', text: 'Greets', answer: { type: 'yes_no' }, weight: 1, dimension: 'customer_friendly' }]
        }
      ]
    };
    const { scorecard } = await createScorecard({
      ctx: admin(),
      input: { name: 'no-op card', programId: org.programs.b.id, definition: DEF }
    });
    const saves = await audits('scorecard.draft.save');
    const first = await saveScorecardDraft({ ctx: admin(), input: { scorecardId: scorecard.id, definition: DEF } });
    const again = await saveScorecardDraft({ ctx: admin(), input: { scorecardId: scorecard.id, definition: DEF } });
    expect(again.draft.revision).toBe(first.draft.revision);
    expect(await audits('scorecard.draft.save')).toBe(saves);
    const v1 = await publishScorecardDraft({ ctx: admin(), input: { scorecardId: scorecard.id } });
    await openScorecardDraft({ ctx: admin(), input: { scorecardId: scorecard.id } });
    const publishes = await audits('scorecard.publish');
    await expect(publishScorecardDraft({ ctx: admin(), input: { scorecardId: scorecard.id } })).rejects.toMatchObject({
      code: 'CONFLICT',
      message: expect.stringMatching(`Nothing to publish: the draft is the same as published version ${v1.version.version}`)
    });
    expect(await audits('scorecard.publish')).toBe(publishes);
  });
});
