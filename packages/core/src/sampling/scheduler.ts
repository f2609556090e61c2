import { Cron } from 'croner';
import { and, asc, eq, isNotNull } from 'drizzle-orm';
import { schema, type Db } from '@attentive/db';
import { DomainError } from '../errors.ts';
import { systemPrincipal } from '../policy/principal.ts';
import { acquireLease, releaseLease } from '../processes/lease.ts';
import { PlanDefinition } from './definition.ts';
import { lastClosedPeriod } from './period.ts';
import { runSamplingPlan } from './run-plan.ts';
import { drawnRun } from './shared.ts';

export type SchedulerLog = (level: 'info' | 'warn' | 'error', message: string) => void;

export type DueRunResult = { planId: number; period: string; outcome: 'ran' | 'exists' | 'skipped'; runId?: number; message?: string };

/**
 * Draws every active, published plan's last closed period that has no routine run yet. Runs are
 * persisted, so calling this at start-up catches up a period missed while the server was down (once:
 * only the last closed period), and calling it twice, or from two processes, never duplicates a run.
 * Plans draw in the order they were made (by id): plans of one program that leave out each other's calls
 * (`exclude.alreadySampled`) then always split a period the same way, whatever order the database returns.
 */
export async function runDuePlans({
  db,
  now = new Date(),
  log = () => {}
}: {
  db: Db;
  now?: Date;
  log?: SchedulerLog;
}): Promise<DueRunResult[]> {
  const plans = await db
    .select({
      id: schema.samplingPlans.id,
      tenantId: schema.samplingPlans.tenantId,
      version: schema.samplingPlans.publishedVersion,
      definition: schema.samplingPlanVersions.definition
    })
    .from(schema.samplingPlans)
    .innerJoin(
      schema.samplingPlanVersions,
      and(
        eq(schema.samplingPlanVersions.planId, schema.samplingPlans.id),
        eq(schema.samplingPlanVersions.version, schema.samplingPlans.publishedVersion)
      )
    )
    .where(and(eq(schema.samplingPlans.active, true), isNotNull(schema.samplingPlans.publishedVersion)))
    .orderBy(asc(schema.samplingPlans.id));
  const out: DueRunResult[] = [];
  for (const plan of plans) {
    const def = PlanDefinition.parse(plan.definition);
    const period = lastClosedPeriod(def.period, now, def.timezone);
    const existing = await drawnRun(db, plan.id, 'routine', period);
    if (existing) {
      out.push({ planId: plan.id, period: period.label, outcome: 'exists', runId: existing.id });
      continue;
    }
    try {
      const ctx = { db, principal: systemPrincipal(plan.tenantId, 'scheduler'), now: () => now };
      const r = await runSamplingPlan({ ctx, input: { planId: plan.id }, trigger: 'schedule' });
      log('info', `sampling: plan ${plan.id} drew ${r.selected} call(s) of ${r.populationSize} for ${r.period} (run ${r.runId})`);
      out.push({ planId: plan.id, period: period.label, outcome: 'ran', runId: r.runId });
    } catch (e) {
      // Another process drew the period meanwhile (its run is there now: our transaction, refused by the
      // "already drawn" check or the unique key on sample_runs, rolled back whole): not a failure.
      const raced = await drawnRun(db, plan.id, 'routine', period);
      if (raced) {
        out.push({ planId: plan.id, period: period.label, outcome: 'exists', runId: raced.id });
        continue;
      }
      // An empty period or a plan that cannot draw: reported, not retried in a loop.
      const message = e instanceof DomainError ? e.message : String(e);
      log(e instanceof DomainError ? 'warn' : 'error', `sampling: plan ${plan.id} not drawn for ${period.label}: ${message}`);
      out.push({ planId: plan.id, period: period.label, outcome: 'skipped', message });
    }
  }
  return out;
}

const SCHEDULER_LEASE = 'sampling-scheduler';
/** Far beyond a tick's time; a process that dies while drawing frees the lease then. */
const SCHEDULER_LEASE_MS = 15 * 60_000;

export type SamplingScheduler = { stop: () => void; /** The start-up catch-up. */ ready: Promise<DueRunResult[]> };

let running: SamplingScheduler | null = null;

/**
 * Starts the in-process scheduler: catches up at once, then checks every hour (at minute 7) for
 * periods that have closed. Periods close at local midnight in each plan's own time zone, so an
 * hourly check is simpler and as timely as one cron job per plan. One scheduler per process.
 */
export function startScheduler({
  db,
  log = defaultLog,
  pattern = '7 * * * *'
}: {
  db: Db;
  log?: SchedulerLog;
  pattern?: string;
}): SamplingScheduler {
  if (running) return running;
  // Of all processes on one database, one draws at a time; the others skip the tick (the next finds the runs).
  // Not only tidier: on a libSQL server a draw's transaction that holds the write lock for 5 s while another
  // process's draw waits for it is rolled back by the server, so two processes drawing at once could both fail.
  const tick = async (): Promise<DueRunResult[]> => {
    try {
      if (!(await acquireLease(db, SCHEDULER_LEASE, SCHEDULER_LEASE_MS))) return [];
      try {
        return await runDuePlans({ db, log });
      } finally {
        await releaseLease(db, SCHEDULER_LEASE);
      }
    } catch (e) {
      log('error', `sampling scheduler: ${String(e)}`);
      return [];
    }
  };
  const job = new Cron(pattern, { protect: true, unref: true, name: 'sampling' }, async () => {
    await tick();
  });
  const ready = tick();
  running = {
    ready,
    stop: () => {
      job.stop();
      running = null;
    }
  };
  return running;
}

const defaultLog: SchedulerLog = (level, message) =>
  level === 'error' ? console.error(message) : level === 'warn' ? console.warn(message) : console.log(message);
