import { asc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { schema } from '@attentive/db';
import type { Ctx } from '../context.ts';
import { notFound } from '../errors.ts';
import { canChangeEvaluation, canEvaluate, canReadEvaluation } from '../policy/evaluations.ts';
import { hiddenFromAgentBySelfEvaluation } from '../coaching/scope.ts';
import { computeScore } from '../scoring/compute-score.ts';
import { commentDto, evaluationDto, revisionDto } from './dto.ts';
import { Id, parseInput } from './inputs.ts';
import { loadEvaluationWithScope } from './scope.ts';
import { loadScorecardVersion } from './score.ts';
import { loadContact } from './contact-facts.ts';

export const GetEvaluationInput = z.object({ evaluationId: Id });

/**
 * One evaluation with everything the screen shows: its scorecard version, the live score of the current
 * answers, every revision (oldest first), the comments, and the facts and transcript of the call.
 */
export async function getEvaluation({ ctx, input }: { ctx: Ctx; input: z.input<typeof GetEvaluationInput> }) {
  const { evaluationId } = parseInput(GetEvaluationInput, input);
  const p = ctx.principal;
  const { evaluation, scope } = await loadEvaluationWithScope(ctx.db, p.tenantId, evaluationId);
  if (!canReadEvaluation(p, scope, evaluation)) throw notFound(`Evaluation ${evaluationId}`);
  // While the agent's own self-evaluation of this call is open, others' scores stay hidden from it.
  if (p.personId === evaluation.agentId && !canEvaluate(p, scope) && (await hiddenFromAgentBySelfEvaluation(ctx.db, evaluation)))
    throw notFound(`Evaluation ${evaluationId}`);
  const [version, revisions, comments, contact] = await Promise.all([
    loadScorecardVersion(ctx.db, p.tenantId, evaluation.scorecardVersionId),
    ctx.db
      .select()
      .from(schema.evaluationRevisions)
      .where(eq(schema.evaluationRevisions.evaluationId, evaluation.id))
      .orderBy(asc(schema.evaluationRevisions.revision)),
    ctx.db
      .select()
      .from(schema.evaluationComments)
      .where(eq(schema.evaluationComments.evaluationId, evaluation.id))
      .orderBy(asc(schema.evaluationComments.id)),
    loadContact(ctx, { callId: evaluation.callId, agentId: evaluation.agentId, programId: evaluation.programId })
  ]);
  return {
    evaluation: evaluationDto(evaluation),
    canChange: canChangeEvaluation(p, scope, evaluation),
    scorecard: { versionId: version.id, version: version.version, definition: version.definition },
    score: computeScore(version.definition, evaluation.answers as Record<string, string | number>),
    // Under a client's pseudonym setting, what evaluators wrote names the agent as the pseudonym too.
    revisions: revisions.map(revisionDto).map((r) => ({ ...r, reason: r.reason == null ? r.reason : contact.asNamed(r.reason) })),
    comments: comments.map(commentDto).map((c) => ({ ...c, text: contact.asNamed(c.text) })),
    ...contact.facts
  };
}
