import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { schema } from '@attentive/db';
import { createTestDb } from '@attentive/db/testing';
import { createFixtureOrg, type FixtureOrg } from '@attentive/db/fixtures';
import { ScorecardDefinition } from '@attentive/shared/scorecard';
import type { Ctx } from '../src/context.ts';
import type { Principal } from '../src/policy/principal.ts';
import { outcomeOf, userPrincipal } from './verb-support.ts';
import { createScenario } from '../src/mystery/scenarios/create-scenario.ts';
import { reviseScenario } from '../src/mystery/scenarios/revise-scenario.ts';
import { retireScenario } from '../src/mystery/scenarios/retire-scenario.ts';
import { restoreScenario } from '../src/mystery/scenarios/restore-scenario.ts';
import { getScenario } from '../src/mystery/scenarios/get-scenario.ts';
import { listScenarios } from '../src/mystery/scenarios/list-scenarios.ts';
import { verifyAuditChain } from '../src/audit/verify-chain.ts';

/** The scenario library's verbs on a real database: versions are rows never changed, every change audited. */
let t: Awaited<ReturnType<typeof createTestDb>>;
let org: FixtureOrg;
let scorecardId: number;
const NOW = new Date('2026-12-02T10:00:00Z');
const as = (grants: Principal['grants'], personId?: number): Ctx => ({
  db: t.db,
  principal: userPrincipal(org.tenantId, grants, personId),
  now: () => NOW
});
const qa = () => as([{ role: 'qa_analyst' }]);
const content = {
  title: 'Move house',
  story: 'I am moving next month.',
  question: 'How do I pass on my new address?',
  rightAnswer: 'Online under My account, or now by phone.',
  orientedOpportunity: 'Offers to change it now and checks the meter readings date.',
  difficulty: 'medium' as const
};

beforeAll(async () => {
  t = await createTestDb();
  org = await createFixtureOrg(t.db, { callsPerAgent: 1 });
  const [card] = await t.db
    .insert(schema.scorecards)
    .values({ tenantId: org.tenantId, programId: org.programs.a.id, name: 'Form', purpose: 'mystery', createdBy: 'test' })
    .returning();
  scorecardId = card!.id;
  const definition = ScorecardDefinition.parse({
    sections: [
      {
        id: 's',
        title: 'S',
        items: [{ id: 'greeting', text: 'Greets', answer: { type: 'yes_no' }, weight: 1, dimension: 'customer_friendly' }]
      }
    ]
  });
  await t.db
    .insert(schema.scorecardVersions)
    .values({ tenantId: org.tenantId, scorecardId, version: 1, status: 'published', definition, createdBy: 'test', updatedAt: NOW });
});
afterAll(() => t.cleanup());

describe('scenario verbs', () => {
  it('revising inserts a new version row; the old row is untouched (and the database refuses to change it)', async () => {
    const made = await createScenario({ ctx: qa(), input: { programId: org.programs.a.id, ...content, scorecardId } });
    const id = made.scenario.id;
    const v1 = made.versions[0]!;
    const after = await reviseScenario({
      ctx: qa(),
      input: { scenarioId: id, baseVersion: 1, note: 'clearer', ...content, scorecardId, title: 'Moving house' }
    });
    expect(after.versions.map((v) => [v.id, v.title])).toEqual([
      [v1.id, 'Move house'],
      [after.scenario.current.id, 'Moving house']
    ]);
    await expect(
      t.db.update(schema.mysteryScenarioVersions).set({ title: 'sneaky' }).where(eq(schema.mysteryScenarioVersions.id, v1.id))
    ).rejects.toThrow();
    expect((await getScenario({ ctx: qa(), input: { scenarioId: id } })).versions[0]!.title).toBe('Move house');
  });

  it('who may: managers write; a client auditor reads its own client only; a shopper, lead, agent or token nothing', async () => {
    const { scenario } = await createScenario({ ctx: qa(), input: { programId: org.programs.a.id, ...content, scorecardId } });
    const input = { programId: org.programs.a.id, ...content, scorecardId };
    const auditorA = as([{ role: 'client_auditor', clientId: org.clients.a.id }]);
    const auditorB = as([{ role: 'client_auditor', clientId: org.clients.b.id }]);
    const shopper = as([{ role: 'mystery_shopper' }], org.agents.a1.id);
    const token: Ctx = { db: t.db, principal: { kind: 'token', tenantId: org.tenantId, label: 'token:1', grants: [{ role: 'admin' }] } };
    expect(await outcomeOf(createScenario({ ctx: as([{ role: 'admin' }]), input }))).toBe('ok');
    for (const ctx of [auditorA, shopper, token, as([{ role: 'team_lead', teamId: org.teams.a.id }])])
      expect(await outcomeOf(createScenario({ ctx, input }))).toBe('FORBIDDEN');
    expect(await outcomeOf(getScenario({ ctx: auditorA, input: { scenarioId: scenario.id } }))).toBe('ok');
    expect(await outcomeOf(getScenario({ ctx: auditorB, input: { scenarioId: scenario.id } }))).toBe('NOT_FOUND');
    expect(await outcomeOf(getScenario({ ctx: shopper, input: { scenarioId: scenario.id } }))).toBe('NOT_FOUND');
    expect(await outcomeOf(listScenarios({ ctx: shopper, input: {} }))).toBe('FORBIDDEN');
    expect(await outcomeOf(listScenarios({ ctx: token, input: {} }))).toBe('FORBIDDEN');
    expect((await listScenarios({ ctx: auditorB, input: {} })).items).toEqual([]);
    expect(await outcomeOf(retireScenario({ ctx: auditorA, input: { scenarioId: scenario.id } }))).toBe('FORBIDDEN');
  });

  it('retire and restore are audited once each, by whom and when; the audit chain holds', async () => {
    const { scenario } = await createScenario({ ctx: qa(), input: { programId: org.programs.a.id, ...content, scorecardId } });
    const retired = await retireScenario({ ctx: qa(), input: { scenarioId: scenario.id } });
    expect(retired.scenario).toMatchObject({ retiredAt: NOW.toISOString(), retiredBy: 'user:test-x' });
    await retireScenario({ ctx: qa(), input: { scenarioId: scenario.id } });
    expect(
      await outcomeOf(reviseScenario({ ctx: qa(), input: { scenarioId: scenario.id, baseVersion: 1, ...content, scorecardId } }))
    ).toBe('CONFLICT');
    await restoreScenario({ ctx: qa(), input: { scenarioId: scenario.id } });
    const rows = await t.db
      .select({ action: schema.auditLog.action })
      .from(schema.auditLog)
      .where(and(eq(schema.auditLog.objectType, 'mystery_scenario'), eq(schema.auditLog.objectId, String(scenario.id))));
    expect(rows.map((r) => r.action)).toEqual(['mystery_scenario.create', 'mystery_scenario.retire', 'mystery_scenario.restore']);
    expect((await verifyAuditChain(t.db)).ok).toBe(true);
  });
});
