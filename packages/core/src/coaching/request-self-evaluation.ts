import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { plainText } from '@attentive/shared';
import { schema } from '@attentive/db';
import type { Ctx } from '../context.ts';
import { nowOf } from '../context.ts';
import { conflict, forbidden, invalid } from '../errors.ts';
import { writeAudit } from '../audit/write-audit.ts';
import { canCoach, isAgentSelf } from '../policy/coaching.ts';
import { canReadEvaluation } from '../policy/evaluations.ts';
import { authorOf } from '../evaluations/actor.ts';
import { Id, parseInput } from '../evaluations/inputs.ts';
import { loadCallWithScope, loadEvaluationWithScope } from '../evaluations/scope.ts';
import { currentScorecardVersion, loadScorecardVersion } from '../evaluations/score.ts';
import { cachedScoreOf } from '../evaluations/cached-score.ts';
import { notFound } from '../errors.ts';
import { byAgent } from '../evaluations/kinds.ts';

export const RequestSelfEvaluationInput = z.object({
  callId: Id,
  /** The coach's own evaluation of the call to compare with (may come later). */
  leadEvaluationId: Id.optional(),
  message: plainText({ max: 2000, multiline: true }).optional()
});

/**
 * A coach asks the agent to score one of its calls itself. Creates the agent's empty self-evaluation
 * (kind 'self', on the same scorecard version as the lead's evaluation, else the program's current one).
 * Until the agent submits it, the other evaluations of that call are hidden from the agent.
 */
export async function requestSelfEvaluation({ ctx, input }: { ctx: Ctx; input: z.input<typeof RequestSelfEvaluationInput> }) {
  const data = parseInput(RequestSelfEvaluationInput, input);
  const p = ctx.principal;
  const now = nowOf(ctx);
  return ctx.db.transaction(async (tx) => {
    const { call, scope } = await loadCallWithScope(tx, p.tenantId, data.callId);
    const agentScope = { tenantId: p.tenantId, agentId: scope.agentId, agentTeamId: scope.agentTeamId };
    if (!canCoach(p, agentScope)) {
      if (isAgentSelf(p, agentScope)) throw forbidden('Your team lead asks for a self-evaluation; you cannot ask yourself');
      throw notFound(`Call ${data.callId}`);
    }
    if (p.personId === call.agentId) throw forbidden('You cannot ask yourself for a self-evaluation');
    let versionId: number;
    if (data.leadEvaluationId) {
      const { evaluation: lead, scope: ls } = await loadEvaluationWithScope(tx, p.tenantId, data.leadEvaluationId);
      if (!canReadEvaluation(p, ls, lead)) throw notFound(`Evaluation ${data.leadEvaluationId}`);
      if (lead.callId !== call.id || byAgent(lead.kind))
        throw invalid(`Evaluation ${lead.id} is not an evaluation of call ${call.id}`, [
          { path: 'leadEvaluationId', message: 'must evaluate the same call' }
        ]);
      versionId = lead.scorecardVersionId;
    } else {
      versionId = (await currentScorecardVersion(tx, p.tenantId, call.programId)).version.id;
    }
    // An empty self-evaluation still carries the cache of its (empty) answers, like every draft.
    const empty = cachedScoreOf((await loadScorecardVersion(tx, p.tenantId, versionId)).definition, {}).cached;
    const r = schema.selfEvaluationRequests;
    const me = authorOf(p);
    const [existing] = await tx
      .select()
      .from(r)
      .where(and(eq(r.callId, call.id), eq(r.agentId, call.agentId)))
      .limit(1);
    if (existing && existing.status !== 'cancelled')
      throw conflict(`This agent was already asked to score call ${call.id} (request ${existing.id})`);
    if (existing) {
      // Asked again after a withdrawal: the same request opens again, its draft emptied onto this version.
      const [draft] = await tx
        .select({ version: schema.evaluations.version })
        .from(schema.evaluations)
        .where(eq(schema.evaluations.id, existing.selfEvaluationId));
      await tx
        .update(schema.evaluations)
        .set({ answers: {}, ...empty, scorecardVersionId: versionId, version: draft!.version + 1, updatedAt: now })
        .where(eq(schema.evaluations.id, existing.selfEvaluationId));
      await tx
        .update(r)
        .set({
          status: 'open',
          requestedById: me.id,
          requestedByLabel: me.label,
          leadEvaluationId: data.leadEvaluationId ?? null,
          message: data.message ?? null,
          requestedAt: now,
          submittedAt: null
        })
        .where(eq(r.id, existing.id));
      const before = { status: 'cancelled' };
      const after = { ...data, selfEvaluationId: existing.selfEvaluationId, reopened: true };
      await writeAudit(
        tx,
        ctx,
        { action: 'self_evaluation.request', objectType: 'self_evaluation_request', objectId: existing.id, before, after },
        now
      );
      return { id: existing.id, selfEvaluationId: existing.selfEvaluationId };
    }
    const [agent] = await tx.select({ name: schema.people.name }).from(schema.people).where(eq(schema.people.id, call.agentId));
    const [selfEval] = await tx
      .insert(schema.evaluations)
      .values({
        tenantId: p.tenantId,
        callId: call.id,
        agentId: call.agentId,
        programId: call.programId,
        scorecardVersionId: versionId,
        evaluatorId: call.agentId,
        evaluatorLabel: `agent:${agent!.name}`,
        kind: 'self',
        status: 'draft',
        answers: {},
        ...empty,
        updatedAt: now
      })
      .returning();
    const [request] = await tx
      .insert(r)
      .values({
        tenantId: p.tenantId,
        callId: call.id,
        agentId: call.agentId,
        programId: call.programId,
        requestedById: me.id,
        requestedByLabel: me.label,
        leadEvaluationId: data.leadEvaluationId ?? null,
        selfEvaluationId: selfEval!.id,
        message: data.message ?? null,
        status: 'open',
        requestedAt: now
      })
      .returning();
    const after = { ...data, selfEvaluationId: selfEval!.id };
    await writeAudit(
      tx,
      ctx,
      { action: 'self_evaluation.request', objectType: 'self_evaluation_request', objectId: request!.id, after },
      now
    );
    return { id: request!.id, selfEvaluationId: selfEval!.id };
  });
}
