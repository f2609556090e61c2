import { z } from '@hono/zod-openapi';
import { PlanDefinition } from '@attentive/shared/sampling-plan';

/** The shapes of the sampling API (plans, runs, items, work queue), named for the OpenAPI document. */
export const tags = ['Sampling'];
export const Int = z.number().int();

export const Definition = PlanDefinition;
export const Plan = z
  .object({
    id: Int,
    programId: Int,
    name: z.string(),
    draft: Definition,
    publishedVersion: Int.nullable(),
    active: z.boolean(),
    createdAt: z.string(),
    updatedAt: z.string()
  })
  .openapi('SamplingPlan');
export const PlanListItem = Plan.extend({
  // Work in progress of the contact center: null for a reader who does not manage sampling (a client auditor).
  draft: Definition.nullable(),
  /** The latest published version's definition; null while never published. */
  published: Definition.nullable(),
  programName: z.string(),
  clientId: Int,
  clientName: z.string(),
  runs: Int,
  lastRunAt: z.string().nullable()
}).openapi('SamplingPlanListItem');
export const PlanDetail = Plan.extend({
  // Work in progress of the contact center: null for a reader who does not manage sampling (a client auditor).
  draft: Definition.nullable(),
  programName: z.string(),
  clientId: Int,
  clientName: z.string(),
  versions: z.array(z.object({ id: Int, version: Int, definition: Definition, publishedAt: z.string(), publishedBy: z.string() }))
}).openapi('SamplingPlanDetail');
export const PlanVersion = z.object({
  id: Int,
  planId: Int,
  version: Int,
  definition: Definition,
  publishedAt: z.string(),
  publishedBy: z.string()
});

export const PeriodFrom = z.string().openapi({ description: "First day of the period, YYYY-MM-DD in the plan's time zone (for display)" });
export const PeriodTo = z
  .string()
  .openapi({ description: "Last day of the period, inclusive, YYYY-MM-DD in the plan's time zone (for display)" });

export const Run = z
  .object({
    id: Int,
    planId: Int,
    planVersionId: Int,
    programId: Int,
    purpose: z.enum(['routine', 'audit']),
    trigger: z.enum(['schedule', 'manual', 'client']),
    seed: z.string(),
    seedSource: z.enum(['generated', 'client']),
    periodStart: z.string(),
    periodEnd: z.string(),
    periodLabel: z.string(),
    periodFrom: PeriodFrom,
    periodTo: PeriodTo,
    populationHash: z.string(),
    populationSize: Int,
    selectedCount: Int,
    requestedBy: z.string(),
    createdAt: z.string(),
    finishedAt: z.string().nullable()
  })
  .openapi('SampleRun');
export const RunListItem = Run.extend({ planName: z.string(), programName: z.string(), clientName: z.string() }).openapi(
  'SampleRunListItem'
);
export const Item = z
  .object({
    id: Int,
    callId: Int,
    agentId: Int,
    agentName: z.string(),
    agentCode: z.string(),
    rank: z.string(),
    stratum: z.string(),
    status: z.enum(['selected', 'replaced', 'replacement']),
    replacedBy: Int.nullable(),
    reason: z.string().nullable(),
    replacedAt: z.string().nullable(),
    assignedTo: Int.nullable(),
    assigneeName: z.string().nullable(),
    dueAt: z.string().nullable(),
    overdue: z.boolean(),
    evaluationId: Int.nullable(),
    evaluationStatus: z.enum(['draft', 'submitted']).nullable(),
    startedAt: z.string(),
    talkSeconds: Int,
    queueId: Int.nullable()
  })
  .openapi('SampleItem');
export const LedgerRow = z
  .object({
    agentId: Int,
    agentName: z.string(),
    eligible: Int,
    quota: Int,
    drawn: Int,
    replaced: Int,
    replacements: Int,
    standing: Int,
    reasons: z.array(z.string()),
    short: z.boolean()
  })
  .openapi('FairnessLedgerRow');
export const RunDetail = z
  .object({
    run: Run.extend({ planName: z.string(), programName: z.string(), clientId: Int }),
    definition: Definition,
    excludedCount: Int,
    callsInPeriod: Int,
    items: z.array(Item),
    ledger: z.array(LedgerRow)
  })
  .openapi('SampleRunDetail');
export const Check = z.object({ name: z.string(), ok: z.boolean(), detail: z.string() });
export const Verification = z
  .object({
    runId: Int,
    planName: z.string(),
    programName: z.string(),
    period: z.string(),
    periodFrom: PeriodFrom,
    periodTo: PeriodTo,
    seed: z.string(),
    seedSource: z.enum(['generated', 'client']),
    algorithm: z.string(),
    stored: z.object({ populationHash: z.string(), populationSize: Int, selected: Int }),
    recomputed: z.object({ populationHash: z.string(), populationSize: Int, selected: Int }),
    ok: z.boolean(),
    checks: z.array(Check),
    missing: z.array(Int),
    unexpected: z.array(Int),
    ms: Int
  })
  .openapi('SampleRunVerification');
export const RunResult = z
  .object({ runId: Int, period: z.string(), populationSize: Int, populationHash: z.string(), selected: Int, assigned: Int, agents: Int })
  .openapi('SampleRunResult');
export const Level = z.object({
  level: z.enum(['agent', 'team', 'program']),
  key: z.string(),
  population: Int,
  required: Int,
  planned: Int,
  marginAtPlanned: z.number().nullable()
});
export const Preview = z
  .object({
    program: z.object({ id: Int, name: z.string() }),
    period: z.object({ label: z.string(), start: z.string(), end: z.string(), from: PeriodFrom, to: PeriodTo }),
    quota: z.object({
      groups: z.array(
        z.object({
          group: z.enum(['new', 'other']),
          label: z.string(),
          quota: Int.nullable().openapi({
            description: "Calls per agent of this group; null when it is a share of each agent's eligible calls"
          }),
          rule: z.string(),
          agents: Int,
          planned: Int,
          quotaMin: Int.nullable(),
          quotaMax: Int.nullable(),
          strata: z
            .array(z.object({ key: z.string(), label: z.string(), planned: Int }))
            .openapi({ description: 'Calls each proportional stratum would get from this group (empty without strata)' })
        })
      ),
      warnings: z
        .array(z.string())
        .openapi({ description: 'Quotas the admin probably did not mean, in words (e.g. new agents get more than twice the others)' }),
      strata: z
        .enum(['none', 'queue', 'hour'])
        .openapi({ description: "Each agent's quota is split over these strata in proportion to its eligible calls" })
    }),
    confidence: z.number(),
    margin: z.number(),
    callsInPeriod: Int,
    excluded: Int,
    eligible: Int,
    planned: Int,
    agents: z.array(
      z.object({
        agentId: Int,
        name: z.string(),
        teamId: Int.nullable(),
        eligible: Int,
        quota: Int,
        isNew: z.boolean(),
        planned: Int,
        required: Int,
        marginAtPlanned: z.number().nullable()
      })
    ),
    teams: z.array(Level.extend({ name: z.string() })),
    programLevel: Level
  })
  .openapi('SamplingPlanPreview');
export const WorkItem = z.object({
  itemId: Int,
  runId: Int,
  callId: Int,
  agentId: Int,
  agentName: z.string(),
  rank: z.string(),
  status: z.enum(['selected', 'replaced', 'replacement']),
  dueAt: z.string().nullable(),
  startedAt: z.string(),
  talkSeconds: Int,
  direction: z.enum(['inbound', 'outbound']),
  queueName: z.string().nullable(),
  programName: z.string(),
  periodLabel: z.string(),
  periodFrom: PeriodFrom,
  periodTo: PeriodTo,
  hasRecording: z.boolean(),
  hasTranscript: z.boolean(),
  evaluationStatus: z.string().nullable(),
  evaluationId: Int.nullable(),
  overdue: z.boolean(),
  inProgress: z.boolean()
});
export const WorkQueue = z
  .object({
    personId: Int,
    week: z.object({ label: z.string(), start: z.string(), end: z.string(), from: PeriodFrom, to: PeriodTo }),
    summary: z.object({ open: Int, overdue: Int, dueThisWeek: Int, inProgress: Int, doneThisWeek: Int }),
    items: z.array(WorkItem)
  })
  .openapi('WorkQueue');
export const Options = z
  .object({
    programs: z.array(
      z.object({
        id: Int,
        name: z.string(),
        code: z.string(),
        clientId: Int,
        clientName: z.string(),
        queues: z.array(z.object({ id: Int, code: z.string(), name: z.string() })),
        dispositions: z.array(z.string())
      })
    )
  })
  .openapi('SamplingOptions');
export const Evaluator = z
  .object({ personId: Int, name: z.string(), roles: z.array(z.string()), teamIds: z.array(Int) })
  .openapi('SamplingEvaluator');
