import { z } from 'zod';
import type { Ctx } from '../context.ts';
import { notFound } from '../errors.ts';
import { canReadSampleRun } from '../policy/sampling.ts';
import { loadPopulation, readSpanCallsOf } from './load-population.ts';
import { populationText } from './population-hash.ts';
import { loadRun, parseInput, snapshotOf } from './shared.ts';

/**
 * A run's eligible population as the data is now, as the text its hash is taken of: the call ids
 * sorted ascending, one per line, no newline after the last. `sha256sum` of the download equals the
 * run's population hash while nothing changed — a check anyone can make without our software.
 * For the readers of the run (a client auditor: its own clients' runs; others: 404).
 */
export async function samplePopulationText({ ctx, input }: { ctx: Ctx; input: { runId: number } }) {
  const data = parseInput(z.object({ runId: z.number().int().positive() }), input);
  const p = ctx.principal;
  const { run, clientId } = await loadRun(ctx.db, p.tenantId, data.runId);
  if (!canReadSampleRun(p, { tenantId: run.tenantId, clientId })) throw notFound(`Sample run ${data.runId}`);
  const snap = snapshotOf(run.filterSnapshot);
  const pop = await loadPopulation(ctx.db, {
    tenantId: run.tenantId,
    programId: run.programId,
    start: run.periodStart.getTime(),
    end: run.periodEnd.getTime(),
    def: snap.definition,
    excluded: new Set(snap.excludedCallIds),
    spanCalls: readSpanCallsOf(ctx.db)
  });
  const sorted = Float64Array.from(pop.ids).sort();
  return {
    filename: `sample-run-${run.id}-population.txt`,
    storedHash: run.populationHash,
    size: sorted.length,
    chunks: populationText(sorted)
  };
}
