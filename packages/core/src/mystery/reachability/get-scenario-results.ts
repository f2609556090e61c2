import { and, desc, eq, gte, inArray, lt } from 'drizzle-orm';
import { schema } from '@attentive/db';
import type { ReachabilityQuery, ScenarioResults } from '@attentive/shared/mystery-reachability';
import type { Ctx } from '../../context.ts';
import { reportScope, scopeFields } from './report-scope.ts';
import { scenarioRates } from './scenario-rates.ts';

/**
 * Right-answer and oriented-opportunity rates of the mystery calls dialled in the period, per scenario (all
 * its versions together, titled by the latest) and per program, for the programs the reader may see.
 */
export async function getScenarioResults({ ctx, input }: { ctx: Ctx; input: ReachabilityQuery }): Promise<ScenarioResults> {
  const scope = await reportScope(ctx, input);
  const { tenantId, programIds, period } = scope;
  const mc = schema.mysteryCalls;
  const v = schema.mysteryScenarioVersions;
  const s = schema.mysteryScenarios;
  const calls = await ctx.db
    .select({
      scenarioId: v.scenarioId,
      programId: mc.programId,
      outcome: mc.outcome,
      rightAnswerGiven: mc.rightAnswerGiven,
      opportunityTaken: mc.opportunityTaken
    })
    .from(mc)
    .innerJoin(v, eq(v.id, mc.scenarioVersionId))
    .where(
      and(eq(mc.tenantId, tenantId), inArray(mc.programId, programIds), gte(mc.dialledAt, period.start), lt(mc.dialledAt, period.end))
    );
  const rates = scenarioRates(calls);
  const scenarioIds = rates.scenarios.map((x) => x.scenarioId);
  // The latest version's title: versions are numbered 1, 2, 3… per scenario, so the highest number wins.
  const titles = scenarioIds.length
    ? await ctx.db
        .select({ scenarioId: v.scenarioId, title: v.title, retiredAt: s.retiredAt })
        .from(v)
        .innerJoin(s, eq(s.id, v.scenarioId))
        .where(inArray(v.scenarioId, scenarioIds))
        .orderBy(desc(v.version))
    : [];
  const latest = new Map<number, { title: string; retired: boolean }>();
  for (const t of titles) if (!latest.has(t.scenarioId)) latest.set(t.scenarioId, { title: t.title, retired: t.retiredAt != null });
  const name = new Map(scope.programs.map((p) => [p.id, p.name]));
  return {
    ...scopeFields(scope),
    scenarios: rates.scenarios
      .map((x) => ({ ...x, title: latest.get(x.scenarioId)?.title ?? '', retired: latest.get(x.scenarioId)?.retired ?? false }))
      .sort((a, b) => (name.get(a.programId) ?? '').localeCompare(name.get(b.programId) ?? '') || a.title.localeCompare(b.title)),
    perProgram: rates.perProgram.sort((a, b) => (name.get(a.programId) ?? '').localeCompare(name.get(b.programId) ?? ''))
  };
}
