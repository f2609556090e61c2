import { and, desc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { schema } from '@attentive/db';
import type { Ctx } from '../context.ts';
import { isAgentSelf } from '../policy/coaching.ts';
import { computeScore } from '../scoring/compute-score.ts';
import { loadContactFacts } from '../evaluations/contact-facts.ts';
import { Id, parseInput } from '../evaluations/inputs.ts';
import { loadScorecardVersion } from '../evaluations/score.ts';
import { compareSelfWithLead } from './compare-self.ts';
import { loadSelfRequest } from './load-self-request.ts';
import { notSelfKind } from './scope.ts';

export const GetSelfEvaluationInput = z.object({ requestId: Id });

/**
 * A self-evaluation request: the call, the scorecard, the agent's answers and, once submitted (or for
 * the coach, whose own score it is), the lead's evaluation side by side with the gap per item.
 */
export async function getSelfEvaluation({ ctx, input }: { ctx: Ctx; input: z.input<typeof GetSelfEvaluationInput> }) {
  const { requestId } = parseInput(GetSelfEvaluationInput, input);
  const p = ctx.principal;
  const { request, agent, scope } = await loadSelfRequest(ctx.db, p, requestId);
  const viewerIsAgent = isAgentSelf(p, scope);
  const e = schema.evaluations;
  const [self] = await ctx.db.select().from(e).where(eq(e.id, request.selfEvaluationId));
  const version = await loadScorecardVersion(ctx.db, p.tenantId, self!.scorecardVersionId);
  // The lead's evaluation: the linked one, else the latest submitted non-self evaluation of the call.
  const [lead] = request.leadEvaluationId
    ? await ctx.db.select().from(e).where(eq(e.id, request.leadEvaluationId))
    : await ctx.db
        .select()
        .from(e)
        .where(and(eq(e.callId, request.callId), eq(e.agentId, request.agentId), eq(e.status, 'submitted'), notSelfKind()))
        .orderBy(desc(e.submittedAt))
        .limit(1);
  const leadVisible = lead != null && lead.status === 'submitted' && (!viewerIsAgent || request.status === 'submitted');
  const selfVisible = !viewerIsAgent ? self!.status === 'submitted' : true;
  const contact = await loadContactFacts(ctx, {
    callId: request.callId,
    agentId: request.agentId,
    programId: request.programId
  });
  const selfAnswers = self!.answers as Record<string, string | number>;
  return {
    request: {
      id: request.id,
      callId: request.callId,
      agentId: request.agentId,
      agentName: agent.name,
      status: request.status,
      message: request.message,
      requestedByLabel: request.requestedByLabel,
      requestedAt: request.requestedAt.toISOString(),
      submittedAt: request.submittedAt?.toISOString() ?? null
    },
    scorecard: { versionId: version.id, definition: version.definition },
    self: selfVisible
      ? {
          evaluationId: self!.id,
          status: self!.status,
          answers: selfAnswers,
          overallScore: self!.overallScore,
          score: computeScore(version.definition, selfAnswers)
        }
      : null,
    lead: leadVisible
      ? {
          evaluationId: lead!.id,
          evaluatorLabel: lead!.evaluatorLabel,
          overallScore: lead!.overallScore,
          answers: lead!.answers as Record<string, string | number>
        }
      : null,
    comparison:
      leadVisible && self!.status === 'submitted'
        ? compareSelfWithLead(version.definition, selfAnswers, lead!.answers as Record<string, unknown>)
        : null,
    leadHidden: viewerIsAgent && request.status === 'open',
    canFill: viewerIsAgent && request.status === 'open',
    viewerIsAgent,
    ...contact
  };
}
