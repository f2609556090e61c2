import { eq } from 'drizzle-orm';
import { schema, type Db } from '@attentive/db';
import { createFixtureOrg, type FixtureOrg } from '@attentive/db/fixtures';
import type { ScorecardDefinitionInput } from '@attentive/shared/scorecard';
import type { EvaluationKind } from '@attentive/shared/evaluation';
import { publishScorecard } from './scorecard.ts';
import { storeMysteryCalls, storeScenario } from './mystery-reachability-rows.ts';
import { callbackItems } from './callback-items.ts';

/**
 * A small world with known figures for the client audit (measureMonths, the portal): evaluations of every
 * sort around October 2026 on the Amsterdam clock (counting and non-counting kinds, drafts, another client's
 * program, an evaluation at 23:30 local on 31 October and one at 00:30 on 1 November), mystery calls and
 * survey responses. The hand-computed figures are in the tests that use it.
 */
const DEFINITION: ScorecardDefinitionInput = {
  sections: [
    {
      id: 's',
      title: 'Call',
      items: [{ id: 'greet', text: 'Greets', answer: { type: 'yes_no' }, weight: 1, dimension: 'customer_friendly' }]
    }
  ]
};

export type EvalRow = {
  programId: number;
  agentId: number | null;
  at: Date;
  overall: number;
  friendly?: number | null;
  oriented?: number | null;
  compliance?: number | null;
  kind?: EvaluationKind;
  status?: 'draft' | 'submitted';
  critical?: string[];
};

export async function storeEvaluations(db: Db, tenantId: number, versionId: number, rows: EvalRow[]) {
  if (rows.length === 0) return;
  await db.insert(schema.evaluations).values(
    rows.map((r) => ({
      tenantId,
      programId: r.programId,
      agentId: r.agentId,
      scorecardVersionId: versionId,
      evaluatorLabel: 'test',
      kind: r.kind ?? 'sampled',
      status: r.status ?? 'submitted',
      revision: r.status === 'draft' ? 0 : 1,
      answers: {},
      submittedAt: r.status === 'draft' ? null : r.at,
      overallScore: r.overall,
      friendlyScore: r.friendly ?? null,
      orientedScore: r.oriented ?? null,
      complianceScore: r.compliance ?? null,
      failed: (r.critical ?? []).length > 0,
      criticalFlags: r.critical ?? [],
      updatedAt: r.at
    }))
  );
}

export type AuditWorld = { org: FixtureOrg; versionId: number; shopperId: number };

export async function clientAuditWorld(db: Db): Promise<AuditWorld> {
  const org = await createFixtureOrg(db, { start: new Date('2026-10-05T08:00:00Z'), callsPerAgent: 4 });
  await publishScorecard(db, org.tenantId, DEFINITION);
  const [v] = await db
    .select({ id: schema.scorecardVersions.id })
    .from(schema.scorecardVersions)
    .where(eq(schema.scorecardVersions.tenantId, org.tenantId));
  const versionId = v!.id;
  const A = org.programs.a.id;
  const B = org.programs.b.id;
  const { a1, a2, b1 } = org.agents;
  await storeEvaluations(db, org.tenantId, versionId, [
    // October, program A, counting: overall 80, 90, 70 (mean 80, sd 10); friendly 60, 80, 100; one customer-critical fail.
    { programId: A, agentId: a1.id, at: new Date('2026-10-02T09:00:00Z'), overall: 80, friendly: 60, oriented: 70, compliance: 100 },
    {
      programId: A,
      agentId: a2.id,
      at: new Date('2026-10-15T09:00:00Z'),
      overall: 90,
      friendly: 80,
      oriented: 90,
      compliance: 100,
      kind: 'live'
    },
    // 23:30 on 31 October in Amsterdam (UTC+1 after the clocks went back): October.
    {
      programId: A,
      agentId: a1.id,
      at: new Date('2026-10-31T22:30:00Z'),
      overall: 70,
      friendly: 100,
      oriented: 50,
      compliance: 50,
      critical: ['customer']
    },
    // Not counted: a draft, a self-evaluation, a calibration score, a client re-score.
    { programId: A, agentId: a1.id, at: new Date('2026-10-10T09:00:00Z'), overall: 0, friendly: 0, status: 'draft' },
    { programId: A, agentId: a1.id, at: new Date('2026-10-11T09:00:00Z'), overall: 5, friendly: 5, kind: 'self' },
    { programId: A, agentId: a1.id, at: new Date('2026-10-12T09:00:00Z'), overall: 5, friendly: 5, kind: 'calibration' },
    { programId: A, agentId: a1.id, at: new Date('2026-10-13T09:00:00Z'), overall: 5, friendly: 5, kind: 'client_rescore' },
    // 00:30 on 1 November in Amsterdam: November. September: one evaluation.
    { programId: A, agentId: a2.id, at: new Date('2026-10-31T23:30:00Z'), overall: 60, friendly: 60, oriented: 60, compliance: 60 },
    { programId: A, agentId: a2.id, at: new Date('2026-09-20T09:00:00Z'), overall: 50, friendly: 50, oriented: 50, compliance: 50 },
    // Another client's program in October (centre average only): 100 and 40.
    { programId: B, agentId: b1.id, at: new Date('2026-10-03T09:00:00Z'), overall: 100, friendly: 100, oriented: 100, compliance: 100 },
    {
      programId: B,
      agentId: b1.id,
      at: new Date('2026-10-04T09:00:00Z'),
      overall: 40,
      friendly: 40,
      oriented: 40,
      compliance: 40,
      critical: ['business', 'compliance']
    }
  ]);
  const [shopper] = await db.insert(schema.people).values({ tenantId: org.tenantId, code: 'SHOP', name: 'Shopper Sam' }).returning();
  const { versionIds } = await storeScenario(db, org.tenantId, A, ['Moving house']);
  const sv = versionIds[0]!;
  // October mystery calls of A (target 20 s): 10 s right, 30 s wrong, never answered, 15 s not judged → SL 2/4, never 1/4, right 1/2.
  await storeMysteryCalls(db, {
    tenantId: org.tenantId,
    programId: A,
    shopperId: shopper!.id,
    targetSeconds: 20,
    calls: [
      { dialledAt: new Date('2026-10-06T10:00:00Z'), answerSeconds: 10, rightAnswerGiven: true, scenarioVersionId: sv },
      { dialledAt: new Date('2026-10-07T10:00:00Z'), answerSeconds: 30, rightAnswerGiven: false, scenarioVersionId: sv },
      { dialledAt: new Date('2026-10-08T10:00:00Z'), answerSeconds: null, scenarioVersionId: sv },
      { dialledAt: new Date('2026-10-09T10:00:00Z'), answerSeconds: 15, rightAnswerGiven: null, scenarioVersionId: sv }
    ]
  });
  // October callback survey of A: three responses (CSAT 5, 4, 2; solved yes, yes, no; NPS 10, 9, 3) and one unanswered item.
  const aCalls = org.calls.filter((c) => c.programId === A).slice(0, 4);
  const cb = await callbackItems(db, { callIds: aCalls.map((c) => c.id), day: '2026-10-20', now: new Date('2026-10-20T08:00:00Z') });
  const answers = [
    { csat: 5, fcrSolved: true, nps: 10 },
    { csat: 4, fcrSolved: true, nps: 9 },
    { csat: 2, fcrSolved: false, nps: 3 }
  ];
  await db.insert(schema.surveyResponses).values(
    answers.map((a, i) => ({
      tenantId: org.tenantId,
      itemId: cb.items[i]!.id,
      callId: aCalls[i]!.id,
      programId: A,
      agentId: aCalls[i]!.agentId!,
      templateVersionId: cb.templateVersionId,
      channel: 'phone' as const,
      language: 'en' as const,
      answers: {},
      csat: a.csat,
      fcrSolved: a.fcrSolved,
      nps: a.nps,
      respondedAt: new Date('2026-10-21T10:00:00Z')
    }))
  );
  return { org, versionId, shopperId: shopper!.id };
}
