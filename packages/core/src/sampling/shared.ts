import { and, eq } from 'drizzle-orm';
import { parseInput } from '../input.ts';
import { schema, type DbOrTx } from '@attentive/db';
import { DomainError, invalid, notFound } from '../errors.ts';
import { findInTenant } from '../access/scoped.ts';
import { PlanDefinition } from './definition.ts';

/** The one input parser of core (src/input.ts), re-exported where the sampling verbs import it. */
export { parseInput };

export const parseDefinition = (raw: unknown, prefix = 'definition.') => parseInput(PlanDefinition, raw, prefix);

export const preconditionFailed = (message: string) => new DomainError('PRECONDITION_FAILED', message);

/** A program of the tenant, with its client (foreign or missing: NOT_FOUND). */
export async function loadProgram(tx: DbOrTx, tenantId: number, programId: number) {
  const [row] = await tx
    .select({
      id: schema.programs.id,
      name: schema.programs.name,
      code: schema.programs.code,
      clientId: schema.programs.clientId,
      clientName: schema.clients.name
    })
    .from(schema.programs)
    .innerJoin(schema.clients, eq(schema.clients.id, schema.programs.clientId))
    .where(and(eq(schema.programs.id, programId), eq(schema.programs.tenantId, tenantId)))
    .limit(1);
  if (!row) throw notFound(`Program ${programId}`);
  return row;
}

/** Every queue id in the filter must be a queue of the plan's program. */
export async function checkQueues(tx: DbOrTx, tenantId: number, programId: number, def: PlanDefinition) {
  if (def.filters.queueIds.length === 0) return;
  const rows = await tx
    .select({ id: schema.queues.id })
    .from(schema.queues)
    .where(and(eq(schema.queues.tenantId, tenantId), eq(schema.queues.programId, programId)));
  const known = new Set(rows.map((r) => r.id));
  const unknown = def.filters.queueIds.filter((q) => !known.has(q));
  if (unknown.length)
    throw invalid(`Unknown queue${unknown.length > 1 ? 's' : ''} for this program: ${unknown.join(', ')}`, [
      { path: 'definition.filters.queueIds', message: `not a queue of this program: ${unknown.join(', ')}` }
    ]);
}

export async function loadPlan(tx: DbOrTx, tenantId: number, planId: number) {
  const row = await findInTenant(tx, schema.samplingPlans, tenantId, planId, 'Sampling plan');
  return row;
}

/** A run with its program's client (for the policy). Foreign or missing: NOT_FOUND. */
export async function loadRun(tx: DbOrTx, tenantId: number, runId: number) {
  const [row] = await tx
    .select({
      run: schema.sampleRuns,
      clientId: schema.programs.clientId,
      programName: schema.programs.name,
      planName: schema.samplingPlans.name
    })
    .from(schema.sampleRuns)
    .innerJoin(schema.programs, eq(schema.programs.id, schema.sampleRuns.programId))
    .innerJoin(schema.samplingPlans, eq(schema.samplingPlans.id, schema.sampleRuns.planId))
    .where(and(eq(schema.sampleRuns.id, runId), eq(schema.sampleRuns.tenantId, tenantId)))
    .limit(1);
  if (!row) throw notFound(`Sample run ${runId}`);
  return row;
}

/** The run of a plan already drawn for this period and purpose, if any: a period is drawn once per purpose. */
export async function drawnRun(db: DbOrTx, planId: number, purpose: 'routine' | 'audit', period: { start: Date; end: Date }) {
  const r = schema.sampleRuns;
  const [run] = await db
    .select({ id: r.id })
    .from(r)
    .where(and(eq(r.planId, planId), eq(r.purpose, purpose), eq(r.periodStart, period.start), eq(r.periodEnd, period.end)))
    .limit(1);
  return run;
}

/** What a run stores to be recomputed later (sample_runs.filter_snapshot). */
export type RunSnapshot = {
  definition: PlanDefinition;
  /** Calls left out because they were already evaluated or sampled when the run was drawn. */
  excludedCallIds: number[];
  agents: { agentId: number; eligible: number; quota: number; isNew: boolean }[];
  /** How many calls of the program fell in the period before filters (for explaining an empty result). */
  callsInPeriod: number;
};

export const snapshotOf = (raw: unknown) => raw as RunSnapshot;
