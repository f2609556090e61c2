import { and, inArray } from 'drizzle-orm';
import { schema } from '@attentive/db';
import type { AgentSurveyResults, SurveyResultsQuery } from '@attentive/shared/survey-results';
import type { Ctx } from '../../context.ts';
import { forbidden } from '../../errors.ts';
import { canReadAgentSurveyResults } from '../../policy/surveys.ts';
import { visibleAgents } from '../../coaching/scope.ts';
import { aggregateRows } from '../../evaluations/aggregate-scores.ts';
import { COUNTING_KINDS } from '../../evaluations/kinds.ts';
import { surveyResultScope, scopeFields } from './scope.ts';
import { cohortItems } from './cohort.ts';
import { agentCustomerFigures, type ResponseScores } from './metrics.ts';

/**
 * For the same agents and period: QA scores per dimension (THE per-agent aggregate of evaluations,
 * aggregateRows: submitted evaluations of the counting kinds, by submission time in the period) next to
 * CSAT and FCR from the callback lists drawn in the period — each with its n. Only agents the reader coaches
 * (coaching visibility), and only those with an evaluation or a response. Correlation material, not a verdict.
 */
export async function getAgentSurveyResults({ ctx, input }: { ctx: Ctx; input: SurveyResultsQuery }): Promise<AgentSurveyResults> {
  if (!canReadAgentSurveyResults(ctx.principal)) throw forbidden('The per-agent survey view is for the agents’ coaches');
  const scope = await surveyResultScope(ctx, input);
  const { tenantId, programIds, period } = scope;
  const [qa, items] = await Promise.all([
    aggregateRows(ctx.db, ctx.principal, {
      groupBy: 'agent',
      programId: scope.programId ?? undefined,
      from: period.start,
      to: period.end,
      kinds: COUNTING_KINDS
    }),
    cohortItems(ctx.db, { tenantId, programIds, from: period.from, to: period.to })
  ]);
  const byAgent = new Map<number, ResponseScores[]>();
  for (const it of items) {
    if (!it.response) continue;
    const list = byAgent.get(it.agentId) ?? [];
    list.push(it.response);
    byAgent.set(it.agentId, list);
  }
  const qaByAgent = new Map(qa.filter((r) => r.group.id != null).map((r) => [r.group.id!, r]));
  const ids = [...new Set([...byAgent.keys(), ...qaByAgent.keys()])];
  const pe = schema.people;
  const agents = ids.length
    ? await ctx.db
        .select({ id: pe.id, code: pe.code, name: pe.name })
        .from(pe)
        .where(and(visibleAgents(ctx.principal), inArray(pe.id, ids)))
        .orderBy(pe.name)
    : [];
  const none = { n: 0, estimate: null, low: null, high: null };
  return {
    ...scopeFields(scope),
    agents: agents.map((a) => {
      const q = qaByAgent.get(a.id);
      return {
        agent: a,
        evaluations: q?.n ?? 0,
        friendly: q?.dimensions.customer_friendly ?? none,
        oriented: q?.dimensions.customer_oriented ?? none,
        compliance: q?.dimensions.compliance ?? none,
        ...agentCustomerFigures(byAgent.get(a.id) ?? [])
      };
    })
  };
}
