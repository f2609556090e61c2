import { randomBytes } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { schema } from '@attentive/db';
import type { Ctx } from '../context.ts';
import { nowOf } from '../context.ts';
import { conflict, forbidden, invalid, notFound } from '../errors.ts';
import { writeAudit } from '../audit/write-audit.ts';
import { canManageSampling, canOrderAuditSample } from '../policy/sampling.ts';
import { assignItemsInTx } from './assign-items.ts';
import { PlanDefinition } from './definition.ts';
import { drawPopulation } from './draw-population.ts';
import { loadExclusions, loadPopulation, readSpanCallsOf } from './load-population.ts';
import { customPeriod, dueAtEndOfDay, lastClosedPeriod, periodContaining, type Period } from './period.ts';
import { SEED_PATTERN } from './rank.ts';
import { checkQueues, drawnRun, loadPlan, loadProgram, parseInput, preconditionFailed, type RunSnapshot } from './shared.ts';

const DateOnly = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD');

export const RunPlanInput = z
  .object({
    planId: z.number().int().positive(),
    /** A custom range of whole days (both inclusive). */
    from: DateOnly.optional(),
    to: DateOnly.optional(),
    /** The plan's period (week or month) containing this date. Without from/to/date: the last closed period. */
    date: DateOnly.optional(),
    /** A client-supplied seed (hex, 32–128 characters) makes this a client-ordered audit sample. */
    seed: z
      .string()
      .trim()
      .transform((s) => s.toLowerCase())
      .refine((s) => SEED_PATTERN.test(s), 'seed must be 32–128 hexadecimal characters (16–64 random bytes)')
      .optional()
  })
  .superRefine((v, c) => {
    if ((v.from == null) !== (v.to == null))
      c.addIssue({ code: 'custom', path: [v.from == null ? 'from' : 'to'], message: 'give both from and to for a custom range' });
    if (v.from != null && v.date != null)
      c.addIssue({ code: 'custom', path: ['date'], message: 'give either a date or a from/to range, not both' });
  });

export type RunTrigger = 'schedule' | 'manual' | 'client';

function resolvePeriod(def: PlanDefinition, data: z.output<typeof RunPlanInput>, now: Date): Period {
  try {
    if (data.from && data.to) return customPeriod(data.from, data.to, def.timezone);
  } catch (e) {
    throw invalid((e as Error).message, [{ path: 'from', message: (e as Error).message }]);
  }
  if (data.date) {
    const [y, m, d] = data.date.split('-').map(Number) as [number, number, number];
    return periodContaining(def.period, new Date(Date.UTC(y, m - 1, d, 12)), def.timezone);
  }
  return lastClosedPeriod(def.period, now, def.timezone);
}

/**
 * Draws the sample of a published plan for one closed period: load the eligible population, rank it
 * with a fresh random seed (or the client's), take each agent's quota, store run + items, assign the
 * items to evaluators and write the audit row, all in one transaction. Bad input or an empty
 * population stops it before anything is written; a period already drawn is a CONFLICT.
 */
export async function runSamplingPlan({
  ctx,
  input,
  trigger = 'manual'
}: {
  ctx: Ctx;
  input: z.input<typeof RunPlanInput>;
  trigger?: RunTrigger;
}) {
  const data = parseInput(RunPlanInput, input);
  const p = ctx.principal;
  const now = nowOf(ctx);
  const started = performance.now();
  return ctx.db.transaction(async (tx) => {
    const plan = await loadPlan(tx, p.tenantId, data.planId);
    const program = await loadProgram(tx, p.tenantId, plan.programId);
    const audit = data.seed != null;
    if (!canOrderAuditSample(p, { tenantId: p.tenantId, clientId: program.clientId })) throw notFound(`Sampling plan ${data.planId}`);
    if (!audit && !canManageSampling(p)) throw forbidden('A client auditor orders an audit sample with a seed of its own (seed)');
    if (plan.publishedVersion == null) throw preconditionFailed('Publish the plan before running it: runs use a frozen, published version');
    const [version] = await tx
      .select()
      .from(schema.samplingPlanVersions)
      .where(and(eq(schema.samplingPlanVersions.planId, plan.id), eq(schema.samplingPlanVersions.version, plan.publishedVersion)))
      .limit(1);
    const def = PlanDefinition.parse(version!.definition);
    const period = resolvePeriod(def, data, now);
    if (period.start.getTime() > now.getTime())
      throw invalid(`The period ${period.label} is in the future`, [
        { path: data.from ? 'from' : 'date', message: 'period is in the future' }
      ]);
    if (period.end.getTime() > now.getTime())
      throw invalid(
        `The period ${period.label} has not ended yet (it ends ${period.end.toISOString()}); a sample is drawn once the period is closed`,
        [{ path: data.from ? 'to' : 'date', message: 'period has not ended' }]
      );
    await checkQueues(tx, p.tenantId, plan.programId, def);

    const purpose = audit ? ('audit' as const) : ('routine' as const);
    const existing = await drawnRun(tx, plan.id, purpose, period);
    if (existing) throw conflict(`The ${purpose} sample of ${period.label} was already drawn (run ${existing.id}); a period is drawn once`);

    const range = { tenantId: p.tenantId, programId: plan.programId, start: period.start.getTime(), end: period.end.getTime(), def };
    const excludedCallIds = await loadExclusions(tx, range);
    const pop = await loadPopulation(tx, { ...range, excluded: new Set(excludedCallIds), spanCalls: readSpanCallsOf(ctx.db) });
    if (pop.ids.length === 0)
      throw invalid(
        `No call of ${program.name} in ${period.label} matches the plan's filters (${pop.callsInPeriod} call(s) in the period before filters, ${excludedCallIds.length} already evaluated or sampled)`,
        [{ path: 'definition.filters', message: 'empty result' }]
      );

    const seed = data.seed ?? randomBytes(32).toString('hex');
    const {
      drawn,
      populationHash: hash,
      isNew
    } = await drawPopulation(tx, { tenantId: p.tenantId, seed, pop, def, periodStart: period.start });
    const snapshot: RunSnapshot = {
      definition: def,
      excludedCallIds,
      agents: drawn.agents.map((a) => ({ agentId: a.agentId, eligible: a.eligible, quota: a.quota, isNew: isNew(a.agentId) })),
      callsInPeriod: pop.callsInPeriod
    };
    const [run] = await tx
      .insert(schema.sampleRuns)
      .values({
        tenantId: p.tenantId,
        planId: plan.id,
        planVersionId: version!.id,
        programId: plan.programId,
        purpose,
        trigger: audit ? 'client' : trigger,
        seed,
        seedSource: audit ? 'client' : 'generated',
        periodStart: period.start,
        periodEnd: period.end,
        periodLabel: period.label,
        filterSnapshot: snapshot,
        populationHash: hash,
        populationSize: pop.ids.length,
        selectedCount: drawn.items.length,
        requestedBy: p.label,
        createdAt: now
      })
      .returning({ id: schema.sampleRuns.id });
    // One statement for all items: a row-per-item insert builder costs ~10× more for thousands of items.
    const rows = drawn.items.map((it) => [it.callId, it.agentId, it.rank, it.stratum]);
    const inserted = await tx.all<{ id: number }>(sql`
      insert into sample_items (tenant_id, run_id, call_id, agent_id, rank, stratum, status, created_at)
      select ${p.tenantId}, ${run!.id}, value ->> 0, value ->> 1, value ->> 2, value ->> 3, 'selected', ${now.getTime()}
      from json_each(${JSON.stringify(rows)}) returning id`);
    const itemIds = inserted.map((r) => Number(r.id));
    const dueAt = dueAtEndOfDay(now, def.assignment.dueDays, def.timezone);
    const assigned = await assignItemsInTx(tx, { tenantId: p.tenantId, itemIds, mode: def.assignment.mode, dueAt, now });
    const finishedAt = new Date(now.getTime() + Math.round(performance.now() - started));
    await tx.update(schema.sampleRuns).set({ finishedAt }).where(eq(schema.sampleRuns.id, run!.id));
    const after = {
      planId: plan.id,
      planVersion: version!.version,
      period: period.label,
      purpose,
      trigger: audit ? 'client' : trigger,
      seedSource: audit ? 'client' : 'generated',
      populationHash: hash,
      populationSize: pop.ids.length,
      selected: drawn.items.length,
      assigned
    };
    await writeAudit(tx, ctx, { action: 'sample_run.create', objectType: 'sample_run', objectId: run!.id, after }, now);
    return {
      runId: run!.id,
      period: period.label,
      populationSize: pop.ids.length,
      populationHash: hash,
      selected: drawn.items.length,
      assigned,
      agents: drawn.agents.length
    };
  });
}
