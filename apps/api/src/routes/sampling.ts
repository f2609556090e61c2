import { z } from '@hono/zod-openapi';
import {
  ReplaceItemInput,
  assignRunItems,
  createSamplingPlan,
  getSampleRun,
  getSamplingPlan,
  listEvaluators,
  listSampleRuns,
  listSamplingPlans,
  previewSamplingPlan,
  publishSamplingPlan,
  reassignSampleItem,
  replaceSampleItem,
  runSamplingPlan,
  samplingOptions,
  updateSamplingPlan,
  verifySampleRun,
  samplePopulationText,
  workQueue
} from '@attentive/core';
import { sampleRunItemsCsv } from '../downloads/sample-run-items-csv.ts';
import type { AppDeps } from '../context.ts';
import { ctxOf } from '../context.ts';
import { route, json, body } from '../openapi.ts';
import { PlanDefinition } from '@attentive/shared/sampling-plan';
import { newRouter } from '../router.ts';
import { IdParam, queryId, queryInt } from './params.ts';
import { ReassignInput } from '@attentive/core/sampling/assign';

const tags = ['Sampling'];
const Int = z.number().int();

const Definition = PlanDefinition;
const Plan = z
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
const PlanListItem = Plan.extend({
  programName: z.string(),
  clientId: Int,
  clientName: z.string(),
  runs: Int,
  lastRunAt: z.string().nullable()
}).openapi('SamplingPlanListItem');
const PlanDetail = Plan.extend({
  programName: z.string(),
  clientId: Int,
  clientName: z.string(),
  versions: z.array(z.object({ id: Int, version: Int, definition: Definition, publishedAt: z.string(), publishedBy: z.string() }))
}).openapi('SamplingPlanDetail');
const PlanVersion = z.object({
  id: Int,
  planId: Int,
  version: Int,
  definition: Definition,
  publishedAt: z.string(),
  publishedBy: z.string()
});

const PeriodFrom = z.string().openapi({ description: "First day of the period, YYYY-MM-DD in the plan's time zone (for display)" });
const PeriodTo = z.string().openapi({ description: "Last day of the period, inclusive, YYYY-MM-DD in the plan's time zone (for display)" });

const Run = z
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
const RunListItem = Run.extend({ planName: z.string(), programName: z.string(), clientName: z.string() }).openapi('SampleRunListItem');
const Item = z
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
const LedgerRow = z
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
const RunDetail = z
  .object({
    run: Run.extend({ planName: z.string(), programName: z.string(), clientId: Int }),
    definition: Definition,
    excludedCount: Int,
    callsInPeriod: Int,
    items: z.array(Item),
    ledger: z.array(LedgerRow)
  })
  .openapi('SampleRunDetail');
const Check = z.object({ name: z.string(), ok: z.boolean(), detail: z.string() });
const Verification = z
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
const RunResult = z
  .object({ runId: Int, period: z.string(), populationSize: Int, populationHash: z.string(), selected: Int, assigned: Int, agents: Int })
  .openapi('SampleRunResult');
const Level = z.object({
  level: z.enum(['agent', 'team', 'program']),
  key: z.string(),
  population: Int,
  required: Int,
  planned: Int,
  marginAtPlanned: z.number().nullable()
});
const Preview = z
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
const WorkItem = z.object({
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
const WorkQueue = z
  .object({
    personId: Int,
    week: z.object({ label: z.string(), start: z.string(), end: z.string(), from: PeriodFrom, to: PeriodTo }),
    summary: z.object({ open: Int, overdue: Int, dueThisWeek: Int, inProgress: Int, doneThisWeek: Int }),
    items: z.array(WorkItem)
  })
  .openapi('WorkQueue');
const Options = z
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
const Evaluator = z
  .object({ personId: Int, name: z.string(), roles: z.array(z.string()), teamIds: z.array(Int) })
  .openapi('SamplingEvaluator');

const routes = {
  options: route({
    method: 'get',
    path: '/sampling/options',
    operationId: 'getSamplingOptions',
    tags,
    summary: 'Programs, queues and dispositions for the plan editor',
    responses: { 200: json(Options, 'Options') }
  }),
  evaluators: route({
    method: 'get',
    path: '/sampling/evaluators',
    operationId: 'listSamplingEvaluators',
    tags,
    summary: 'People sampled calls can be assigned to',
    responses: { 200: json(z.object({ items: z.array(Evaluator) }), 'Evaluators') }
  }),
  listPlans: route({
    method: 'get',
    path: '/sampling/plans',
    operationId: 'listSamplingPlans',
    tags,
    summary: 'Sampling plans (admins and QA: all; client auditors: their programs)',
    request: { query: z.object({ programId: queryId() }) },
    responses: { 200: json(z.object({ items: z.array(PlanListItem) }), 'Plans') }
  }),
  createPlan: route({
    method: 'post',
    path: '/sampling/plans',
    operationId: 'createSamplingPlan',
    tags,
    summary: 'Create a sampling plan (a draft until published)',
    request: body(z.object({ programId: Int.positive(), name: z.string(), definition: Definition })),
    responses: { 201: json(Plan, 'Created') }
  }),
  preview: route({
    method: 'post',
    path: '/sampling/plans/preview',
    operationId: 'previewSamplingPlan',
    tags,
    summary: 'What a definition would draw on the last closed period, and the sample-size planner (nothing is drawn)',
    request: body(
      z.object({ programId: Int.positive(), definition: Definition, confidence: z.number().optional(), margin: z.number().optional() })
    ),
    responses: { 200: json(Preview, 'Preview') }
  }),
  getPlan: route({
    method: 'get',
    path: '/sampling/plans/{id}',
    operationId: 'getSamplingPlan',
    tags,
    summary: 'One plan with its published versions',
    request: { params: IdParam },
    responses: { 200: json(PlanDetail, 'Plan') }
  }),
  updatePlan: route({
    method: 'patch',
    path: '/sampling/plans/{id}',
    operationId: 'updateSamplingPlan',
    tags,
    summary: 'Edit the draft of a plan (name, definition, active)',
    request: {
      params: IdParam,
      ...body(z.object({ name: z.string().optional(), definition: Definition.optional(), active: z.boolean().optional() }))
    },
    responses: { 200: json(Plan, 'Changed') }
  }),
  publish: route({
    method: 'post',
    path: '/sampling/plans/{id}/publish',
    operationId: 'publishSamplingPlan',
    tags,
    summary: 'Freeze the draft as the next version',
    request: { params: IdParam },
    responses: {
      201: json(PlanVersion, 'Published'),
      200: json(PlanVersion, 'The draft equals the latest version: that version, nothing new')
    }
  }),
  run: route({
    method: 'post',
    path: '/sampling/plans/{id}/runs',
    operationId: 'drawSample',
    tags,
    summary: 'Draw a sample for a closed period (last closed by default); with a client seed: a client-ordered audit sample',
    request: {
      params: IdParam,
      ...body(
        z.object({
          from: z.string().optional().openapi({ description: 'Custom range start, YYYY-MM-DD (with to)' }),
          to: z.string().optional().openapi({ description: 'Custom range end, YYYY-MM-DD, inclusive' }),
          date: z.string().optional().openapi({ description: "The plan's week or month containing this date" }),
          seed: z.string().optional().openapi({ description: 'Client-supplied seed, 32–128 hex characters' })
        })
      )
    },
    responses: { 201: json(RunResult, 'Drawn') }
  }),
  listRuns: route({
    method: 'get',
    path: '/sampling/runs',
    operationId: 'listSampleRuns',
    tags,
    summary: 'Sample runs, newest period first',
    request: { query: z.object({ planId: queryId(), programId: queryId(), limit: queryInt(1, 200).optional() }) },
    responses: { 200: json(z.object({ items: z.array(RunListItem) }), 'Runs') }
  }),
  getRun: route({
    method: 'get',
    path: '/sampling/runs/{id}',
    operationId: 'getSampleRun',
    tags,
    summary: 'A run: items, replacements with reasons, fairness ledger',
    request: { params: IdParam },
    responses: { 200: json(RunDetail, 'Run') }
  }),
  verify: route({
    method: 'get',
    path: '/sampling/runs/{id}/verify',
    operationId: 'verifySampleRun',
    tags,
    summary: 'Recompute the population hash, the draw and the replacements, and report match or mismatch',
    request: { params: IdParam },
    responses: { 200: json(Verification, 'Verification') }
  }),
  population: route({
    method: 'get',
    path: '/sampling/runs/{id}/population.txt',
    operationId: 'exportSamplePopulation',
    tags,
    summary: "The run's eligible call ids, sorted, one per line: sha256sum of the file is the population hash",
    description:
      'The population as the data is now, in exactly the text the population hash is taken of (no newline after the last id), so `sha256sum` of the download can be compared with the hash stored on the run without any other tool. X-Population-Hash carries the stored hash.',
    request: { params: IdParam },
    responses: { 200: { description: 'Call ids', content: { 'text/plain': { schema: z.string() } } } }
  }),
  itemsCsv: route({
    method: 'get',
    path: '/sampling/runs/{id}/items.csv',
    operationId: 'exportSampleItems',
    tags,
    summary: "The run's drawn calls as CSV: rank, replacements with reasons, evaluator, due date, evaluation status",
    request: { params: IdParam },
    responses: { 200: { description: 'CSV', content: { 'text/csv': { schema: z.string() } } } }
  }),
  assignRun: route({
    method: 'post',
    path: '/sampling/runs/{id}/assign',
    operationId: 'assignSampleRun',
    tags,
    summary: 'Assign every open, unassigned item of a run (balanced by open workload)',
    request: { params: IdParam },
    responses: { 200: json(z.object({ unassigned: Int, assigned: Int }), 'Assigned') }
  }),
  replace: route({
    method: 'post',
    path: '/sampling/items/{id}/replace',
    operationId: 'replaceSampleItem',
    tags,
    summary: 'Replace a sampled call by the next-ranked call of the same agent (reason required)',
    request: { params: IdParam, ...body(ReplaceItemInput.omit({ itemId: true })) },
    responses: {
      200: json(
        z.object({ itemId: Int, reason: z.string(), replacement: z.object({ itemId: Int, callId: Int, rank: z.string() }).nullable() }),
        'Replaced'
      )
    }
  }),
  reassign: route({
    method: 'post',
    path: '/sampling/items/{id}/assign',
    operationId: 'assignSampleItem',
    tags,
    summary: 'Hand a sampled call to an evaluator (omit assigneeId to take it yourself)',
    request: { params: IdParam, ...body(ReassignInput.omit({ itemId: true })) },
    responses: { 200: json(z.object({ itemId: Int, assignedTo: Int, dueAt: z.string() }), 'Assigned') }
  }),
  work: route({
    method: 'get',
    path: '/sampling/work',
    operationId: 'listMySampleWork',
    tags,
    summary: "An evaluator's work queue: sampled calls to score, overdue first, and what is due this week",
    request: { query: z.object({ personId: queryId(), timezone: z.string().optional() }) },
    responses: { 200: json(WorkQueue, 'Work queue') }
  })
};

export function samplingRoutes(deps: AppDeps) {
  return newRouter()
    .openapi(routes.options, async (c) => c.json(await samplingOptions({ ctx: ctxOf(c, deps) }), 200))
    .openapi(routes.evaluators, async (c) => c.json({ items: await listEvaluators({ ctx: ctxOf(c, deps) }) }, 200))
    .openapi(routes.listPlans, async (c) =>
      c.json({ items: await listSamplingPlans({ ctx: ctxOf(c, deps), input: c.req.valid('query') }) }, 200)
    )
    .openapi(routes.createPlan, async (c) => c.json(await createSamplingPlan({ ctx: ctxOf(c, deps), input: c.req.valid('json') }), 201))
    .openapi(routes.preview, async (c) => c.json(await previewSamplingPlan({ ctx: ctxOf(c, deps), input: c.req.valid('json') }), 200))
    .openapi(routes.getPlan, async (c) =>
      c.json(await getSamplingPlan({ ctx: ctxOf(c, deps), input: { planId: c.req.valid('param').id } }), 200)
    )
    .openapi(routes.updatePlan, async (c) =>
      c.json(await updateSamplingPlan({ ctx: ctxOf(c, deps), input: { planId: c.req.valid('param').id, ...c.req.valid('json') } }), 200)
    )
    .openapi(routes.publish, async (c) => {
      const { created, ...v } = await publishSamplingPlan({ ctx: ctxOf(c, deps), input: { planId: c.req.valid('param').id } });
      return c.json(
        { ...v, definition: PlanDefinition.parse(v.definition), publishedAt: v.publishedAt.toISOString() },
        created ? 201 : 200
      );
    })
    .openapi(routes.run, async (c) =>
      c.json(await runSamplingPlan({ ctx: ctxOf(c, deps), input: { planId: c.req.valid('param').id, ...c.req.valid('json') } }), 201)
    )
    .openapi(routes.listRuns, async (c) =>
      c.json({ items: await listSampleRuns({ ctx: ctxOf(c, deps), input: c.req.valid('query') }) }, 200)
    )
    .openapi(routes.getRun, async (c) =>
      c.json(await getSampleRun({ ctx: ctxOf(c, deps), input: { runId: c.req.valid('param').id } }), 200)
    )
    .openapi(routes.verify, async (c) =>
      c.json(await verifySampleRun({ ctx: ctxOf(c, deps), input: { runId: c.req.valid('param').id } }), 200)
    )
    .openapi(routes.itemsCsv, async (c) => {
      const file = await sampleRunItemsCsv({ ctx: ctxOf(c, deps), input: { runId: c.req.valid('param').id } });
      c.header('Content-Type', 'text/csv; charset=utf-8');
      c.header('Content-Disposition', `attachment; filename="${file.filename}"`);
      return c.body(file.csv, 200);
    })
    .openapi(routes.population, async (c) => {
      const file = await samplePopulationText({ ctx: ctxOf(c, deps), input: { runId: c.req.valid('param').id } });
      const headers = {
        'Content-Type': 'text/plain; charset=utf-8',
        'Content-Disposition': `attachment; filename="${file.filename}"`,
        'X-Population-Hash': file.storedHash,
        'X-Population-Size': String(file.size)
      };
      // Streamed in 64 KiB chunks: a million ids are ~7 MB of text.
      const body = new ReadableStream<Uint8Array>({
        pull(controller) {
          const next = file.chunks.next();
          if (next.done) controller.close();
          else controller.enqueue(next.value);
        }
      });
      return new Response(body, { status: 200, headers }) as never;
    })
    .openapi(routes.assignRun, async (c) =>
      c.json(await assignRunItems({ ctx: ctxOf(c, deps), input: { runId: c.req.valid('param').id } }), 200)
    )
    .openapi(routes.replace, async (c) =>
      c.json(await replaceSampleItem({ ctx: ctxOf(c, deps), input: { itemId: c.req.valid('param').id, ...c.req.valid('json') } }), 200)
    )
    .openapi(routes.reassign, async (c) =>
      c.json(await reassignSampleItem({ ctx: ctxOf(c, deps), input: { itemId: c.req.valid('param').id, ...c.req.valid('json') } }), 200)
    )
    .openapi(routes.work, async (c) => c.json(await workQueue({ ctx: ctxOf(c, deps), input: c.req.valid('query') }), 200));
}
