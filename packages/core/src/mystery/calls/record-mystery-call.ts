import { and, eq } from 'drizzle-orm';
import { schema } from '@attentive/db';
import { RecordMysteryCallInput } from '@attentive/shared/mystery-calls';
import { nowOf, type Ctx } from '../../context.ts';
import { conflict, DomainError, forbidden, invalid, notFound } from '../../errors.ts';
import { parseInput } from '../../input.ts';
import { canReadAssignment, canWorkAssignment } from '../../policy/mystery.ts';
import { findInTenant } from '../../access/scoped.ts';
import { writeAudit } from '../../audit/write-audit.ts';
import { authorOf } from '../../evaluations/actor.ts';
import { insertRevision } from '../../evaluations/insert-revision.ts';
import { compactAnswers, scoreAnswers } from '../../evaluations/score.ts';
import { mysteryScorecardVersion } from './scenario-parts.ts';
import { validateReport, type MysteryCallReport } from './validate-report.ts';

export { RecordMysteryCallInput };

/**
 * The shopper's form, submitted: one transaction stores the report (mystery_calls) and, when a person
 * answered, a SUBMITTED evaluation of kind 'mystery' on the scenario's scorecard (no agent yet: matching
 * comes later; no call record), scored by the one cache writer. The assignment is then completed. A
 * second record for the same assignment is a CONFLICT; any bad field is a VALIDATION error and nothing is stored.
 */
export async function recordMysteryCall({ ctx, input }: { ctx: Ctx; input: RecordMysteryCallInput }) {
  const data = parseInput(RecordMysteryCallInput, input);
  const p = ctx.principal;
  const now = nowOf(ctx);
  const report: MysteryCallReport = {
    ...data,
    dialledAt: new Date(data.dialledAt),
    answeredAt: data.answeredAt == null ? null : new Date(data.answeredAt),
    agentNameGiven: data.agentNameGiven || null
  };
  validateReport(report, now);
  const answered = report.outcome === 'answered';
  const answers = compactAnswers(data.answers);
  if (!answered && Object.keys(answers).length > 0)
    throw invalid('Nobody answered: there is no agent to score', [{ path: 'answers', message: 'only given when a person answered' }]);

  return ctx.db.transaction(async (tx) => {
    const assignment = await findInTenant(tx, schema.mysteryAssignments, p.tenantId, data.assignmentId, 'Assignment');
    if (!canReadAssignment(p, assignment)) throw notFound(`Assignment ${data.assignmentId}`);
    if (!canWorkAssignment(p, assignment)) throw forbidden('Only the shopper of this assignment records its call');
    if (data.scenarioVersionId != null && data.scenarioVersionId !== assignment.scenarioVersionId)
      throw invalid('This is not the scenario of the assignment', [
        { path: 'scenarioVersionId', message: `the assignment's scenario version is ${assignment.scenarioVersionId}` }
      ]);
    const [existing] = await tx
      .select({ id: schema.mysteryCalls.id })
      .from(schema.mysteryCalls)
      .where(eq(schema.mysteryCalls.assignmentId, assignment.id));
    if (existing) throw conflict(`This assignment's call is already recorded (mystery call ${existing.id})`);
    if (assignment.status !== 'planned') throw conflict(`This assignment is ${assignment.status}`);

    let evaluationId: number | null = null;
    if (answered) {
      const version = await findInTenant(tx, schema.mysteryScenarioVersions, p.tenantId, assignment.scenarioVersionId, 'Scenario version');
      const scorecard = await mysteryScorecardVersion(tx, p.tenantId, version.scorecardId);
      if (!scorecard) throw new DomainError('PRECONDITION_FAILED', "The scenario's scorecard has no published version yet");
      const { result, cached, revision: scored } = scoreAnswers(scorecard.definition, answers, { requireComplete: true });
      const me = authorOf(p);
      const [evaluation] = await tx
        .insert(schema.evaluations)
        .values({
          tenantId: p.tenantId,
          callId: null,
          agentId: null,
          programId: assignment.programId,
          scorecardVersionId: scorecard.versionId,
          evaluatorId: me.id,
          evaluatorLabel: me.label,
          kind: 'mystery',
          status: 'submitted',
          revision: 1,
          answers,
          ...cached,
          submittedAt: now,
          createdAt: now,
          updatedAt: now
        })
        .returning();
      evaluationId = evaluation!.id;
      await insertRevision(tx, p, { evaluationId, revision: 1, answers, scored, at: now, reason: null });
      const after = { kind: 'mystery', revision: 1, overallScore: result.score, failed: result.failed, answers };
      await writeAudit(tx, ctx, { action: 'evaluation.submit', objectType: 'evaluation', objectId: evaluationId, after }, now);
    }

    const [row] = await tx
      .insert(schema.mysteryCalls)
      .values({
        tenantId: p.tenantId,
        assignmentId: assignment.id,
        programId: assignment.programId,
        scenarioVersionId: assignment.scenarioVersionId,
        shopperId: assignment.shopperId,
        ...report,
        evaluationId,
        createdAt: now,
        updatedAt: now
      })
      .returning();
    const done = await tx
      .update(schema.mysteryAssignments)
      .set({ status: 'completed', updatedAt: now })
      .where(and(eq(schema.mysteryAssignments.id, assignment.id), eq(schema.mysteryAssignments.status, 'planned')))
      .returning({ id: schema.mysteryAssignments.id });
    if (done.length === 0) throw conflict('This assignment was changed meanwhile; reload it');
    await writeAudit(
      tx,
      ctx,
      {
        action: 'mystery_call.record',
        objectType: 'mystery_call',
        objectId: row!.id,
        after: { assignmentId: assignment.id, evaluationId, ...report }
      },
      now
    );
    return { id: row!.id, evaluationId };
  });
}
