import { and, desc, eq, gte, inArray, isNull } from 'drizzle-orm';
import { z } from 'zod';
import { schema } from '@attentive/db';
import type { ScorecardDefinition } from '@attentive/shared/scorecard';
import type { Ctx } from '../context.ts';
import { nowOf } from '../context.ts';
import { forbidden } from '../errors.ts';
import { hasRole } from '../policy/principal.ts';
import { isAgentSelf } from '../policy/coaching.ts';
import { Id, parseInput } from '../evaluations/inputs.ts';
import { summariseAgent } from './agent-summary-compute.ts';
import { countsTowardAgentSql } from '../evaluations/counting.ts';
import { loadAgentForCoaching, notHiddenBySelfEvaluation } from './scope.ts';

export const AgentSummaryInput = z.object({
  /** Default: the agent asking. */
  agentId: Id.optional(),
  months: z.number().int().min(1).max(24).default(6)
});

/**
 * Everything on an agent's home: evaluations not yet acknowledged, scores per month and dimension with
 * n and 95% interval, position and path in the friendly × oriented plane, strengths and weak items, open
 * coaching actions, open self-evaluation requests and disputes.
 */
export async function agentSummary({ ctx, input }: { ctx: Ctx; input: z.input<typeof AgentSummaryInput> }) {
  const f = parseInput(AgentSummaryInput, input);
  const p = ctx.principal;
  if (f.agentId == null && !(p.kind === 'user' && hasRole(p, 'agent') && p.personId != null))
    throw forbidden('Only agents have a results page of their own; coaches open an agent by id');
  const agentId = f.agentId ?? p.personId!;
  const { agent, scope } = await loadAgentForCoaching(ctx.db, p, agentId);
  const now = nowOf(ctx);
  const since = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - (f.months - 1), 1));
  const e = schema.evaluations;
  const self = isAgentSelf(p, scope);
  const evals = await ctx.db
    .select({
      id: e.id,
      callId: e.callId,
      kind: e.kind,
      submittedAt: e.submittedAt,
      overallScore: e.overallScore,
      dimensionScores: e.dimensionScores,
      failed: e.failed,
      answers: e.answers,
      revision: e.revision,
      scorecardVersionId: e.scorecardVersionId,
      evaluatorLabel: e.evaluatorLabel,
      programName: schema.programs.name
    })
    .from(e)
    .innerJoin(schema.programs, eq(schema.programs.id, e.programId))
    .where(
      and(
        eq(e.tenantId, p.tenantId),
        eq(e.agentId, agentId),
        countsTowardAgentSql(),
        gte(e.submittedAt, since),
        self ? notHiddenBySelfEvaluation() : undefined
      )
    )
    .orderBy(desc(e.submittedAt));
  const versionIds = [...new Set(evals.map((x) => x.scorecardVersionId))];
  const versions = versionIds.length
    ? await ctx.db
        .select({ id: schema.scorecardVersions.id, definition: schema.scorecardVersions.definition })
        .from(schema.scorecardVersions)
        .where(inArray(schema.scorecardVersions.id, versionIds))
    : [];
  const defOf = new Map(versions.map((v) => [v.id, v.definition as ScorecardDefinition]));
  const summary = summariseAgent(
    evals.map((x) => ({
      submittedAt: x.submittedAt!,
      overallScore: x.overallScore,
      dimensionScores: x.dimensionScores ?? {},
      answers: x.answers as Record<string, unknown>,
      definition: defOf.get(x.scorecardVersionId)!
    })),
    now,
    f.months
  );
  const ids = evals.map((x) => x.id);
  const acks = ids.length
    ? await ctx.db.select().from(schema.evaluationAcknowledgements).where(inArray(schema.evaluationAcknowledgements.evaluationId, ids))
    : [];
  const acked = new Set(acks.map((a) => `${a.evaluationId}:${a.revision}`));
  const s = schema.coachingSessions;
  const a = schema.coachingActions;
  const [actions, openSelf, disputes] = await Promise.all([
    ctx.db
      .select({ id: a.id, text: a.text, owner: a.owner, dueOn: a.dueOn, sessionId: a.sessionId, heldOn: s.heldOn })
      .from(a)
      .innerJoin(s, eq(s.id, a.sessionId))
      .where(and(eq(s.agentId, agentId), isNull(a.doneAt)))
      .orderBy(a.dueOn),
    ctx.db
      .select({
        id: schema.selfEvaluationRequests.id,
        callId: schema.selfEvaluationRequests.callId,
        requestedAt: schema.selfEvaluationRequests.requestedAt,
        requestedByLabel: schema.selfEvaluationRequests.requestedByLabel,
        message: schema.selfEvaluationRequests.message
      })
      .from(schema.selfEvaluationRequests)
      .where(and(eq(schema.selfEvaluationRequests.agentId, agentId), eq(schema.selfEvaluationRequests.status, 'open'))),
    ctx.db
      .select({
        id: schema.disputes.id,
        evaluationId: schema.disputes.evaluationId,
        status: schema.disputes.status,
        openedAt: schema.disputes.openedAt,
        resolvedAt: schema.disputes.resolvedAt
      })
      .from(schema.disputes)
      .where(and(eq(schema.disputes.agentId, agentId), eq(schema.disputes.status, 'open')))
  ]);
  const today = now.toISOString().slice(0, 10);
  return {
    agent: { id: agent.id, name: agent.name, code: agent.code, hireDate: agent.hireDate },
    ...summary,
    monthCount: f.months,
    evaluations: evals.slice(0, 30).map((x) => ({
      id: x.id,
      kind: x.kind,
      submittedAt: x.submittedAt!.toISOString(),
      overallScore: x.overallScore,
      dimensionScores: x.dimensionScores ?? {},
      failed: x.failed,
      revision: x.revision,
      evaluatorLabel: x.evaluatorLabel,
      programName: x.programName,
      acknowledged: acked.has(`${x.id}:${x.revision}`)
    })),
    unread: evals.filter((x) => !acked.has(`${x.id}:${x.revision}`)).length,
    openActions: actions.map((x) => ({ ...x, overdue: x.dueOn < today })),
    selfEvaluations: openSelf.map((r) => ({ ...r, requestedAt: r.requestedAt.toISOString() })),
    openDisputes: disputes.map((d) => ({ id: d.id, evaluationId: d.evaluationId, status: d.status, openedAt: d.openedAt.toISOString() }))
  };
}
