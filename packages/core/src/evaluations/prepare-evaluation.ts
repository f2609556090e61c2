import { and, desc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { schema } from '@attentive/db';
import type { Ctx } from '../context.ts';
import { DomainError, notFound } from '../errors.ts';
import { canReadCall } from '../policy/calls.ts';
import { canEvaluate, canReadEvaluation } from '../policy/evaluations.ts';
import { Id, parseInput } from './inputs.ts';
import { loadCallWithScope } from './scope.ts';
import { currentScorecardVersion } from './score.ts';
import { hiddenFromAgentBySelfEvaluation } from '../coaching/scope.ts';
import { loadContactFacts } from './contact-facts.ts';
import { countsTowardAgent } from './kinds.ts';

export const PrepareEvaluationInput = z.object({ callId: Id });

/**
 * What the evaluation screen needs before anything is saved: the call's facts and transcript, the
 * scorecard version a new evaluation would use, and the evaluations of this call the principal may read
 * (its own draft first). Reads only: the draft is created on the first answer (startEvaluation).
 */
export async function prepareEvaluation({ ctx, input }: { ctx: Ctx; input: z.input<typeof PrepareEvaluationInput> }) {
  const { callId } = parseInput(PrepareEvaluationInput, input);
  const p = ctx.principal;
  const { call, scope } = await loadCallWithScope(ctx.db, p.tenantId, callId);
  if (!canReadCall(p, scope)) throw notFound(`Call ${callId}`);
  const mayEvaluate = canEvaluate(p, scope);
  const [facts, existing, current] = await Promise.all([
    loadContactFacts(ctx, { callId, agentId: call.agentId, programId: call.programId }),
    ctx.db
      .select({
        id: schema.evaluations.id,
        status: schema.evaluations.status,
        kind: schema.evaluations.kind,
        evaluatorId: schema.evaluations.evaluatorId,
        evaluatorLabel: schema.evaluations.evaluatorLabel,
        revision: schema.evaluations.revision,
        overallScore: schema.evaluations.overallScore,
        updatedAt: schema.evaluations.updatedAt
      })
      .from(schema.evaluations)
      .where(and(eq(schema.evaluations.tenantId, p.tenantId), eq(schema.evaluations.callId, callId)))
      .orderBy(desc(schema.evaluations.id)),
    mayEvaluate
      ? currentScorecardVersion(ctx.db, p.tenantId, call.programId).catch((e) => {
          if (e instanceof DomainError && e.code === 'PRECONDITION_FAILED') return null;
          throw e;
        })
      : Promise.resolve(null)
  ]);
  const isMine = (e: { evaluatorId: number | null; evaluatorLabel: string }) =>
    p.personId != null ? e.evaluatorId === p.personId : e.evaluatorLabel === p.label;
  const asAgent = p.personId === call.agentId && !mayEvaluate;
  const hidden = asAgent
    ? await Promise.all(existing.map((e) => hiddenFromAgentBySelfEvaluation(ctx.db, { callId, agentId: call.agentId, kind: e.kind })))
    : [];
  const evaluations = existing
    .filter((e, i) => canReadEvaluation(p, scope, e) && !hidden[i])
    .map((e) => ({ ...e, mine: isMine(e), updatedAt: e.updatedAt.toISOString() }));
  return {
    ...facts,
    canEvaluate: mayEvaluate,
    myDraftId: evaluations.find((e) => e.mine && e.status === 'draft' && e.kind === 'sampled')?.id ?? null,
    // The submitted evaluation this call counts with (one per call): a second evaluator opens it to revise it.
    countingEvaluationId: evaluations.find((e) => e.status === 'submitted' && countsTowardAgent(e.kind))?.id ?? null,
    evaluations,
    scorecard: current
      ? {
          versionId: current.version.id,
          version: current.version.version,
          name: current.scorecardName,
          definition: current.version.definition
        }
      : null
  };
}
