import { z } from 'zod';
import { schema } from '@attentive/db';
import { inArray } from 'drizzle-orm';
import type { Ctx } from '../context.ts';
import { nowOf } from '../context.ts';
import { forbidden } from '../errors.ts';
import { canManageSampling } from '../policy/sampling.ts';
import { loadExclusions, loadPopulation, readSpanCallsOf } from './load-population.ts';
import { lastClosedPeriod, localDate, localTime } from './period.ts';
import { HOUR_BANDS, hourBand } from './definition.ts';
import { plannedPerStratum } from './preview-strata.ts';
import { planSampleSizes } from './planner.ts';
import { agentQuota, isNewAgent, quotaGroups, quotaWarnings } from './quota.ts';
import { agentFacts } from './draw-population.ts';
import { periodDates } from '@attentive/shared/period';
import { checkQueues, loadProgram, parseDefinition, parseInput } from './shared.ts';

export const PreviewPlanInput = z.object({
  programId: z.number().int().positive(),
  definition: z.unknown(),
  confidence: z.number().gt(0.5, 'confidence must be above 0.5').lt(1, 'confidence must be below 1').default(0.95),
  margin: z.number().gt(0, 'margin must be above 0').lt(0.5, 'margin must be below 0.5').default(0.1)
});

/**
 * What a (draft) definition would do on the last closed period, drawing nothing: eligible calls per
 * agent, each agent's quota, and the planner's view — calls needed for the chosen confidence and
 * margin per agent (coaching), per team and for the pooled program (the client's quality figure),
 * and the margin the quotas actually give.
 */
export async function previewSamplingPlan({ ctx, input }: { ctx: Ctx; input: z.input<typeof PreviewPlanInput> }) {
  if (!canManageSampling(ctx.principal)) throw forbidden('Only admins and QA analysts plan sampling');
  const data = parseInput(PreviewPlanInput, input);
  const def = parseDefinition(data.definition);
  const p = ctx.principal;
  const program = await loadProgram(ctx.db, p.tenantId, data.programId);
  await checkQueues(ctx.db, p.tenantId, data.programId, def);
  const period = lastClosedPeriod(def.period, nowOf(ctx), def.timezone);
  const range = { tenantId: p.tenantId, programId: data.programId, start: period.start.getTime(), end: period.end.getTime(), def };
  const excluded = await loadExclusions(ctx.db, range);
  const pop = await loadPopulation(ctx.db, { ...range, excluded: new Set(excluded), spanCalls: readSpanCallsOf(ctx.db) });
  const counts = new Map<number, number>();
  for (const a of pop.agentIds) counts.set(a, (counts.get(a) ?? 0) + 1);
  const facts = await agentFacts(ctx.db, p.tenantId, [...counts.keys()]);
  const startDate = localDate(def.timezone, period.start);
  const agents = [...counts.entries()]
    .map(([agentId, eligible]) => {
      const f = facts.get(agentId);
      const isNew = def.quota.newAgent != null && isNewAgent(f?.hireDate ?? null, startDate, def.quota.newAgent.months);
      const quota = agentQuota(def.quota, { isNew }, eligible);
      return {
        agentId,
        name: f?.name ?? `#${agentId}`,
        teamId: f?.teamId ?? null,
        eligible,
        quota,
        isNew,
        planned: Math.min(quota, eligible)
      };
    })
    .sort((a, b) => a.name.localeCompare(b.name));
  const planner = planSampleSizes({
    confidence: data.confidence,
    margin: data.margin,
    agents: agents.map((a) => ({ agentId: a.agentId, teamId: a.teamId, population: a.eligible, planned: a.planned }))
  });
  const teamIds = [...new Set(agents.map((a) => a.teamId).filter((t): t is number => t != null))];
  const teamNames = new Map(
    teamIds.length
      ? (
          await ctx.db.select({ id: schema.teams.id, name: schema.teams.name }).from(schema.teams).where(inArray(schema.teams.id, teamIds))
        ).map((t) => [String(t.id), t.name])
      : []
  );
  // What each group of agents gets, with how many agents of last period fall in it: a special quota
  // left over from an earlier setting shows here, and a warning says so in words.
  // With proportional strata, also what each stratum gets per group.
  const strataOf = agentStrata(def, pop);
  const strataLabels = await stratumLabels(ctx.db, def, pop);
  const groups = quotaGroups(def.quota).map((g) => {
    const members = agents.filter((a) => (g.group === 'new') === a.isNew);
    const quotas = members.map((a) => a.quota);
    const perStratum = strataOf
      ? plannedPerStratum(members.map((a) => ({ quota: a.quota, strata: strataOf.get(a.agentId) ?? new Map() })))
      : new Map<string, number>();
    return {
      ...g,
      agents: members.length,
      planned: members.reduce((s, a) => s + a.planned, 0),
      quotaMin: quotas.length ? Math.min(...quotas) : null,
      quotaMax: quotas.length ? Math.max(...quotas) : null,
      strata: [...perStratum]
        .map(([key, planned]) => ({ key, label: strataLabels.get(key) ?? key, planned }))
        .sort((a, b) => a.label.localeCompare(b.label))
    };
  });
  return {
    program: { id: program.id, name: program.name },
    quota: { groups, warnings: quotaWarnings(def.quota), strata: def.stratify.proportional },
    period: {
      label: period.label,
      start: period.start.toISOString(),
      end: period.end.toISOString(),
      ...periodDates(period.start, period.end, def.timezone)
    },
    confidence: data.confidence,
    margin: data.margin,
    callsInPeriod: pop.callsInPeriod,
    excluded: excluded.length,
    eligible: pop.ids.length,
    planned: agents.reduce((s, a) => s + a.planned, 0),
    agents: agents.map((a, i) => ({ ...a, required: planner.agents[i]!.required, marginAtPlanned: planner.agents[i]!.marginAtPlanned })),
    teams: planner.teams.map((t) => ({ ...t, name: teamNames.get(t.key) ?? 'No team' })),
    programLevel: planner.program
  };
}

type Pop = Awaited<ReturnType<typeof loadPopulation>>;

/** Each agent's eligible calls per proportional stratum (queue or hour band), as the draw groups them; null without strata. */
function agentStrata(def: ReturnType<typeof parseDefinition>, pop: Pop) {
  const by = def.stratify.proportional;
  if (by === 'none') return null;
  const local = localTime(def.timezone);
  const out = new Map<number, Map<string, number>>();
  for (let i = 0; i < pop.ids.length; i++) {
    const key = by === 'queue' ? `queue:${pop.queueIds[i] ?? 'none'}` : `hours:${hourBand(local(pop.startedAt[i]!).hour)}`;
    let m = out.get(pop.agentIds[i]!);
    if (!m) out.set(pop.agentIds[i]!, (m = new Map()));
    m.set(key, (m.get(key) ?? 0) + 1);
  }
  return out;
}

/** Names of the strata: the queue's name, or the hour band with its hours. */
async function stratumLabels(db: Ctx['db'], def: ReturnType<typeof parseDefinition>, pop: Pop): Promise<Map<string, string>> {
  const by = def.stratify.proportional;
  if (by === 'hour')
    return new Map(
      HOUR_BANDS.map((b) => [`hours:${b.key}`, `${b.key} (${String(b.from).padStart(2, '0')}–${String(b.to).padStart(2, '0')} h)`])
    );
  if (by !== 'queue') return new Map();
  const ids = [...new Set(pop.queueIds.filter((q): q is number => q != null))];
  const rows = ids.length
    ? await db.select({ id: schema.queues.id, name: schema.queues.name }).from(schema.queues).where(inArray(schema.queues.id, ids))
    : [];
  return new Map([['queue:none', 'no queue'], ...rows.map((r) => [`queue:${r.id}`, r.name] as [string, string])]);
}
