import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { schema } from '@attentive/db';
import { createTestDb } from '@attentive/db/testing';
import { createFixtureOrg, type FixtureOrg } from '@attentive/db/fixtures';
import { ScorecardDefinition, type ScorecardDefinitionInput } from '@attentive/shared/scorecard';
import type { Ctx } from '../src/context.ts';
import { outcomeOf } from './verb-support.ts';
import type { Principal } from '../src/policy/principal.ts';
import { startEvaluation } from '../src/evaluations/start-evaluation.ts';
import { saveDraft } from '../src/evaluations/save-draft.ts';
import { submitEvaluation } from '../src/evaluations/submit-evaluation.ts';
import { reviseEvaluation } from '../src/evaluations/revise-evaluation.ts';
import { getEvaluation } from '../src/evaluations/get-evaluation.ts';
import { verifyAuditChain } from '../src/audit/verify-chain.ts';

const def = (extra = false): ScorecardDefinitionInput => ({
  sections: [
    {
      id: 's',
      title: 'S',
      items: [
        { id: 'greeting', text: 'Greets', answer: { type: 'yes_no' }, weight: 1, dimension: 'customer_friendly' },
        { id: 'need', text: 'Finds the need', answer: { type: 'yes_no' }, weight: 1, dimension: 'customer_oriented' },
        ...(extra
          ? [{ id: 'new-item', text: 'New in v2', answer: { type: 'yes_no' as const }, weight: 1, dimension: 'compliance' as const }]
          : [])
      ]
    }
  ]
});

let t: Awaited<ReturnType<typeof createTestDb>>;
let org: FixtureOrg;
let ctx: Ctx;
let scorecardId: number;

beforeAll(async () => {
  t = await createTestDb();
  org = await createFixtureOrg(t.db);
  const [card] = await t.db
    .insert(schema.scorecards)
    .values({ tenantId: org.tenantId, programId: org.programs.a.id, name: 'Care', createdBy: 'test' })
    .returning();
  scorecardId = card!.id;
  await t.db.insert(schema.scorecardVersions).values({
    tenantId: org.tenantId,
    scorecardId,
    version: 1,
    status: 'published',
    definition: ScorecardDefinition.parse(def()),
    createdBy: 'test',
    updatedAt: new Date()
  });
  const qa: Principal = { kind: 'user', tenantId: org.tenantId, label: 'user:qa@test', grants: [{ role: 'qa_analyst' }] };
  ctx = { db: t.db, principal: qa, requestId: 'req-1' };
});
afterAll(() => t.cleanup());

const code = (p: Promise<unknown>) => outcomeOf(p, 'OK');

describe('evaluation verbs', () => {
  it('two autosaves from the same version (two tabs): the second gets CONFLICT and the first answers stay', async () => {
    const { evaluation } = await startEvaluation({ ctx, input: { callId: org.calls[0]!.id } });
    const first = code(
      saveDraft({ ctx, input: { evaluationId: evaluation.id, version: evaluation.version, answers: { greeting: 'yes' } } })
    );
    expect(await first).toBe('OK');
    expect(
      await code(saveDraft({ ctx, input: { evaluationId: evaluation.id, version: evaluation.version, answers: { greeting: 'no' } } }))
    ).toBe('CONFLICT');
    const after = await getEvaluation({ ctx, input: { evaluationId: evaluation.id } });
    expect(after.evaluation).toMatchObject({ version: evaluation.version + 1, answers: { greeting: 'yes' } });
  });

  it('an evaluation keeps its scorecard version when a newer one is published; new evaluations take the newer', async () => {
    const { evaluation: old } = await startEvaluation({ ctx, input: { callId: org.calls[1]!.id } });
    await t.db.insert(schema.scorecardVersions).values({
      tenantId: org.tenantId,
      scorecardId,
      version: 2,
      status: 'published',
      definition: ScorecardDefinition.parse(def(true)),
      createdBy: 'test',
      updatedAt: new Date()
    });
    const sub = await submitEvaluation({
      ctx,
      input: { evaluationId: old.id, version: old.version, answers: { greeting: 'yes', need: 'no' } }
    });
    expect(sub.evaluation.scorecardVersionId).toBe(old.scorecardVersionId);
    expect(sub.evaluation.overallScore).toBe(50);
    const { evaluation: fresh } = await startEvaluation({ ctx, input: { callId: org.calls[2]!.id } });
    expect(fresh.scorecardVersionId).not.toBe(old.scorecardVersionId);
    // v2 requires the new item: submitting without it names it.
    await expect(
      submitEvaluation({ ctx, input: { evaluationId: fresh.id, version: fresh.version, answers: { greeting: 'yes', need: 'yes' } } })
    ).rejects.toThrow(/item "new-item" is required/);
  });

  it('a failed revise stores nothing: revisions, cached score and audit chain unchanged', async () => {
    const { evaluation } = await startEvaluation({ ctx, input: { callId: org.calls[3]!.id } });
    const sub = await submitEvaluation({
      ctx,
      input: { evaluationId: evaluation.id, version: evaluation.version, answers: { greeting: 'yes', need: 'yes', 'new-item': 'yes' } }
    });
    const auditBefore = await t.db.$client.execute('select count(*) n from audit_log');
    expect(
      await code(
        reviseEvaluation({
          ctx,
          input: {
            evaluationId: evaluation.id,
            revision: 1,
            answers: { greeting: 'yes', need: 'perhaps', 'new-item': 'yes' },
            reason: 'because'
          }
        })
      )
    ).toBe('VALIDATION');
    expect(
      await code(
        reviseEvaluation({
          ctx,
          input: { evaluationId: evaluation.id, revision: 1, answers: { greeting: 'no', need: 'yes', 'new-item': 'yes' }, reason: '' }
        })
      )
    ).toBe('VALIDATION');
    const after = await getEvaluation({ ctx, input: { evaluationId: evaluation.id } });
    expect(after.revisions).toHaveLength(1);
    expect(after.evaluation.overallScore).toBe(sub.evaluation.overallScore);
    expect((await t.db.$client.execute('select count(*) n from audit_log')).rows[0]!.n).toBe(auditBefore.rows[0]!.n);
    const ok = await reviseEvaluation({
      ctx,
      input: {
        evaluationId: evaluation.id,
        revision: 1,
        answers: { greeting: 'no', need: 'yes', 'new-item': 'yes' },
        reason: 'greeting missing'
      }
    });
    expect(ok.evaluation.revision).toBe(2);
    expect(ok.evaluation.overallScore).toBeCloseTo(200 / 3, 9);
    expect((await verifyAuditChain(t.db)).ok).toBe(true);
  });
});

describe('re-scoring stored evaluations', () => {
  it('restores every cached result from the stored answers with computeScore, leaving answers and revisions alone', async () => {
    const { rescoreEvaluations } = await import('../src/evaluations/rescore-evaluations.ts');
    const before = await t.db.select().from(schema.evaluations);
    const revisionsBefore = await t.db.select().from(schema.evaluationRevisions);
    await t.db.update(schema.evaluations).set({ overallScore: -1, friendlyScore: null, dimensionScores: null, failed: true });
    const r = await rescoreEvaluations(t.db, { tenantId: org.tenantId, pageSize: 2 });
    expect(r.evaluations).toBe(before.length);
    const after = await t.db.select().from(schema.evaluations);
    expect(after.map(({ updatedAt: _u, ...x }) => x)).toEqual(before.map(({ updatedAt: _u, ...x }) => x));
    expect(await t.db.select().from(schema.evaluationRevisions)).toEqual(revisionsBefore);
  });
});
