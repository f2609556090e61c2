import { and, eq, inArray, lt, lte } from 'drizzle-orm';
import { z } from 'zod';
import { schema } from '@attentive/db';
import type { Ctx } from '../context.ts';
import { notFound } from '../errors.ts';
import { canReadSampleRun } from '../policy/sampling.ts';
import { drawPopulation } from './draw-population.ts';
import { loadPopulation, readSpanCallsOf } from './load-population.ts';
import { loadRun, parseInput, snapshotOf } from './shared.ts';
import { periodDisplay } from './run-dto.ts';
import { compareRun, type VerifyCheck } from './verify-compute.ts';

/**
 * Recomputes a run from the data as it is now: the eligible population and its hash, every agent's
 * quota, the draw with the stored seed, every replacement, and that each excluded call really was
 * evaluated or sampled before. Reports each check as a match or a mismatch with what differs.
 * Open to the client's auditors for their own programs; other runs do not exist for them.
 */
export async function verifySampleRun({ ctx, input }: { ctx: Ctx; input: { runId: number } }) {
  const data = parseInput(z.object({ runId: z.number().int().positive() }), input);
  const p = ctx.principal;
  const { run, clientId, programName, planName } = await loadRun(ctx.db, p.tenantId, data.runId);
  if (!canReadSampleRun(p, { tenantId: run.tenantId, clientId })) throw notFound(`Sample run ${data.runId}`);
  const snap = snapshotOf(run.filterSnapshot);
  const def = snap.definition;
  const started = performance.now();
  const excluded = new Set(snap.excludedCallIds);
  const pop = await loadPopulation(ctx.db, {
    tenantId: run.tenantId,
    programId: run.programId,
    start: run.periodStart.getTime(),
    end: run.periodEnd.getTime(),
    def,
    excluded,
    spanCalls: readSpanCallsOf(ctx.db)
  });

  // Quotas recomputed from hire dates as they are now and compared with the stored ones; the draw
  // remade exactly as the run made it.
  const stored = new Map(snap.agents.map((a) => [a.agentId, a]));
  const {
    drawn,
    populationHash: recomputedHash,
    prepared
  } = await drawPopulation(ctx.db, { tenantId: run.tenantId, seed: run.seed, pop, def, periodStart: run.periodStart });
  const quotaDiffs = drawn.agents.filter((a) => stored.get(a.agentId)?.quota !== a.quota || stored.get(a.agentId)?.eligible !== a.eligible);

  const items = await ctx.db.select().from(schema.sampleItems).where(eq(schema.sampleItems.runId, run.id));
  // Replacements are replayed from each agent's eligible calls: list them for the agents that had one.
  const replacedAgents = new Set(items.filter((i) => i.status === 'replaced').map((i) => i.agentId));
  const eligibleByAgent = new Map(
    prepared.agents
      .filter((a) => replacedAgents.has(a.agentId))
      .map((a) => [a.agentId, Array.from(prepared.order.subarray(a.from, a.to), (i) => pop.ids[i]!)])
  );
  const cmp = compareRun({
    seed: run.seed,
    storedHash: run.populationHash,
    storedSize: run.populationSize,
    recomputedHash,
    recomputedSize: pop.ids.length,
    expected: drawn.items,
    stored: items.map((i) => ({
      id: i.id,
      callId: i.callId,
      agentId: i.agentId,
      rank: i.rank,
      status: i.status,
      replacedBy: i.replacedBy,
      replacedAt: i.replacedAt?.getTime() ?? null
    })),
    eligibleByAgent
  });

  // Exclusions: each left-out call must have been evaluated, or sampled by a run made before this one.
  const unexplained: number[] = [];
  const ids = snap.excludedCallIds;
  for (let i = 0; i < ids.length; i += 500) {
    const chunk = ids.slice(i, i + 500);
    const ok = new Set<number>();
    if (def.exclude.alreadyEvaluated)
      for (const r of await ctx.db
        .select({ id: schema.evaluations.callId })
        .from(schema.evaluations)
        .where(inArray(schema.evaluations.callId, chunk)))
        ok.add(r.id!);
    if (def.exclude.alreadySampled)
      for (const r of await ctx.db
        .select({ id: schema.sampleItems.callId })
        .from(schema.sampleItems)
        .innerJoin(schema.sampleRuns, eq(schema.sampleRuns.id, schema.sampleItems.runId))
        .where(
          and(inArray(schema.sampleItems.callId, chunk), lt(schema.sampleRuns.id, run.id), lte(schema.sampleItems.createdAt, run.createdAt))
        ))
        ok.add(r.id);
    unexplained.push(...chunk.filter((id) => !ok.has(id)));
  }
  const checks: VerifyCheck[] = [
    cmp.checks[0]!,
    {
      name: 'exclusions',
      ok: unexplained.length === 0,
      detail:
        unexplained.length === 0
          ? `${ids.length} call(s) left out as already evaluated or sampled, each confirmed`
          : `${unexplained.length} left-out call(s) were neither evaluated nor sampled before: ${unexplained.slice(0, 10).join(', ')}`
    },
    {
      name: 'quotas',
      ok: quotaDiffs.length === 0 && drawn.agents.length === snap.agents.length,
      detail:
        quotaDiffs.length === 0 && drawn.agents.length === snap.agents.length
          ? `${drawn.agents.length} agent quota(s) match`
          : `${quotaDiffs.length} agent(s) with a different quota or eligible count (agents ${quotaDiffs
              .slice(0, 10)
              .map((a) => a.agentId)
              .join(', ')})`
    },
    ...cmp.checks.slice(1)
  ];
  return {
    runId: run.id,
    planName,
    programName,
    period: run.periodLabel,
    ...periodDisplay(run.periodStart, run.periodEnd, def.timezone),
    seed: run.seed,
    seedSource: run.seedSource,
    algorithm:
      'rank = HMAC-SHA256(key = seed bytes, message = call id in decimal); per agent the lowest ranks, spread over time buckets; population hash = sha256 of the sorted eligible call ids joined by "\\n"',
    stored: { populationHash: run.populationHash, populationSize: run.populationSize, selected: run.selectedCount },
    recomputed: { populationHash: recomputedHash, populationSize: pop.ids.length, selected: drawn.items.length },
    ok: checks.every((c) => c.ok),
    checks,
    missing: cmp.missing,
    unexpected: cmp.unexpected,
    ms: Math.round(performance.now() - started)
  };
}
