import { z } from '@hono/zod-openapi';
import { acknowledgeEvaluation } from '@attentive/core/coaching/acknowledge-evaluation';
import { agentSummary } from '@attentive/core/coaching/agent-summary';
import { coachingQueue } from '@attentive/core/coaching/coaching-queue';
import { getDispute } from '@attentive/core/coaching/get-dispute';
import { getEvaluationFeedback } from '@attentive/core/coaching/get-evaluation-feedback';
import { listDisputes } from '@attentive/core/coaching/list-disputes';
import { openDispute } from '@attentive/core/coaching/open-dispute';
import { resolveDispute } from '@attentive/core/coaching/resolve-dispute';
import type { AppDeps } from '../context.ts';
import { ctxOf } from '../context.ts';
import { route, json, body } from '../openapi.ts';
import { ScorecardDefinition } from '@attentive/shared/scorecard';
import { newRouter } from '../router.ts';
import { AgentSummary, AnswerValue, Dispute, Estimate, IdParam } from './coaching-schemas.ts';
import { queryId, queryInt } from './params.ts';
import { ResolveDisputeInput } from '@attentive/core/coaching/resolve-dispute';
import { OpenDisputeInput } from '@attentive/core/coaching/open-dispute';

const tags = ['Coaching'];
const Months = z.object({ months: queryInt(1, 24).optional() });

const routes = {
  mySummary: route({
    method: 'get',
    path: '/me/summary',
    operationId: 'getMySummary',
    tags,
    summary:
      "The signed-in agent's home: unread evaluations, scores per month and dimension (n, 95% interval), friendly × oriented position and path, strengths, weak items, open actions",
    request: { query: Months },
    responses: { 200: json(AgentSummary, 'Summary') }
  }),
  agentSummary: route({
    method: 'get',
    path: '/coaching/agents/{id}/summary',
    operationId: 'getAgentSummary',
    tags,
    summary: "An agent's summary, for its coaches (or the agent itself)",
    request: { params: IdParam, query: Months },
    responses: { 200: json(AgentSummary, 'Summary') }
  }),
  feedback: route({
    method: 'get',
    path: '/coaching/evaluations/{id}',
    operationId: 'getCoachingEvaluation',
    tags,
    summary: 'An evaluation as the agent reads it: scores, comments, transcript, acknowledgements, disputes and the dispute window',
    request: { params: IdParam },
    responses: {
      200: json(
        z
          .object({
            evaluation: z
              .object({
                id: z.number().int(),
                revision: z.number().int(),
                status: z.string(),
                kind: z.string(),
                callId: z.number().int().nullable(),
                agentId: z.number().int(),
                overallScore: z.number().nullable(),
                submittedAt: z.string().nullable()
              })
              .passthrough(),
            acknowledgements: z.array(z.object({ revision: z.number().int(), at: z.string() })),
            acknowledgedCurrent: z.string().nullable(),
            disputes: z.array(Dispute),
            disputedItemIds: z.array(z.string()),
            disputeWindow: z.object({ days: z.number().int(), closesAt: z.string().nullable(), open: z.boolean() }),
            canAcknowledge: z.boolean(),
            canDispute: z.boolean(),
            canResolve: z.boolean(),
            viewerIsAgent: z.boolean()
          })
          .passthrough()
          .openapi('EvaluationFeedback', {
            description: 'Also every field of EvaluationDetail (scorecard, score, revisions, comments, contact, call, transcript)'
          }),
        'Evaluation with the agent-side state'
      )
    }
  }),
  acknowledge: route({
    method: 'post',
    path: '/coaching/evaluations/{id}/acknowledge',
    operationId: 'acknowledgeEvaluation',
    tags,
    summary: 'The agent acknowledges it read the current revision (idempotent)',
    request: { params: IdParam },
    responses: {
      200: json(
        z.object({ evaluationId: z.number().int(), revision: z.number().int(), at: z.string(), created: z.boolean() }),
        'Acknowledged'
      )
    }
  }),
  openDispute: route({
    method: 'post',
    path: '/coaching/evaluations/{id}/disputes',
    operationId: 'openDispute',
    tags,
    summary: "The agent disputes items of its evaluation within the program's dispute window, each with a reason",
    request: {
      params: IdParam,
      ...body(OpenDisputeInput.omit({ evaluationId: true }))
    },
    responses: { 201: json(Dispute, 'Dispute opened') }
  }),
  listDisputes: route({
    method: 'get',
    path: '/coaching/disputes',
    operationId: 'listDisputes',
    tags,
    summary: 'Disputes you may see (open ones oldest first, with their age)',
    request: {
      query: z.object({
        status: z.enum(['open', 'accepted', 'partly_accepted', 'rejected']).optional(),
        agentId: queryId(),
        evaluationId: queryId()
      })
    },
    responses: {
      200: json(
        z.object({
          items: z.array(
            z.object({
              id: z.number().int(),
              evaluationId: z.number().int(),
              agentId: z.number().int(),
              agentName: z.string(),
              teamName: z.string().nullable(),
              status: z.string(),
              openedAt: z.string(),
              ageDays: z.number().int(),
              resolvedAt: z.string().nullable(),
              itemIds: z.array(z.string()),
              itemTexts: z
                .array(z.string())
                .openapi({ description: 'The disputed items as the scorecard words them, in the order of itemIds' }),
              overallScore: z.number().nullable(),
              resultingRevision: z.number().int().nullable()
            })
          )
        }),
        'Disputes'
      )
    }
  }),
  getDispute: route({
    method: 'get',
    path: '/coaching/disputes/{id}',
    operationId: 'getDispute',
    tags,
    summary: 'One dispute with its items and the evaluation it is about',
    request: { params: IdParam },
    responses: {
      200: json(
        z.object({
          dispute: Dispute,
          agentName: z.string(),
          evaluation: z.object({
            id: z.number().int(),
            revision: z.number().int(),
            overallScore: z.number().nullable(),
            answers: z.record(z.string(), AnswerValue),
            callId: z.number().int().nullable()
          }),
          scorecard: z.object({ versionId: z.number().int(), definition: ScorecardDefinition }),
          canResolve: z.boolean()
        }),
        'Dispute'
      )
    }
  }),
  resolveDispute: route({
    method: 'post',
    path: '/coaching/disputes/{id}/resolve',
    operationId: 'resolveDispute',
    tags,
    summary: 'Accept, partly accept or reject a dispute item by item, with a reason; accepted items make a new evaluation revision',
    request: {
      params: IdParam,
      ...body(ResolveDisputeInput.omit({ disputeId: true }))
    },
    responses: { 200: json(Dispute, 'Resolved') }
  }),
  queue: route({
    method: 'get',
    path: '/coaching/queue',
    operationId: 'getCoachingQueue',
    tags,
    summary: 'Which agents need coaching first, with the reasons (team leads: their teams; QA and admins: everyone)',
    request: { query: z.object({ teamId: queryId(), days: queryInt(7, 365).optional() }) },
    responses: {
      200: json(
        z.object({
          days: z.number().int(),
          items: z.array(
            z.object({
              agentId: z.number().int(),
              name: z.string(),
              teamName: z.string().nullable(),
              tenureDays: z.number().int().nullable(),
              oriented: Estimate,
              criticalErrors: z.number().int(),
              overdueFollowUps: z.number().int(),
              overdueFollowUpDays: z.number().int().nullable(),
              openDisputes: z.number().int(),
              oldestOpenDisputeDays: z.number().int().nullable(),
              priority: z.number(),
              reasons: z.array(z.object({ code: z.string(), text: z.string(), points: z.number() }))
            })
          )
        }),
        'Queue'
      )
    }
  })
};

export function coachingRoutes(deps: AppDeps) {
  return newRouter()
    .openapi(routes.mySummary, async (c) =>
      c.json(await agentSummary({ ctx: ctxOf(c, deps), input: { months: c.req.valid('query').months } }), 200)
    )
    .openapi(routes.agentSummary, async (c) =>
      c.json(
        await agentSummary({ ctx: ctxOf(c, deps), input: { agentId: c.req.valid('param').id, months: c.req.valid('query').months } }),
        200
      )
    )
    .openapi(routes.feedback, async (c) =>
      c.json(await getEvaluationFeedback({ ctx: ctxOf(c, deps), input: { evaluationId: c.req.valid('param').id } }), 200)
    )
    .openapi(routes.acknowledge, async (c) =>
      c.json(await acknowledgeEvaluation({ ctx: ctxOf(c, deps), input: { evaluationId: c.req.valid('param').id } }), 200)
    )
    .openapi(routes.openDispute, async (c) =>
      c.json(await openDispute({ ctx: ctxOf(c, deps), input: { evaluationId: c.req.valid('param').id, ...c.req.valid('json') } }), 201)
    )
    .openapi(routes.listDisputes, async (c) => c.json(await listDisputes({ ctx: ctxOf(c, deps), input: c.req.valid('query') }), 200))
    .openapi(routes.getDispute, async (c) =>
      c.json(await getDispute({ ctx: ctxOf(c, deps), input: { disputeId: c.req.valid('param').id } }), 200)
    )
    .openapi(routes.resolveDispute, async (c) =>
      c.json(await resolveDispute({ ctx: ctxOf(c, deps), input: { disputeId: c.req.valid('param').id, ...c.req.valid('json') } }), 200)
    )
    .openapi(routes.queue, async (c) => c.json(await coachingQueue({ ctx: ctxOf(c, deps), input: c.req.valid('query') }), 200));
}
