import { z } from '@hono/zod-openapi';
import { addFollowUp } from '@attentive/core/coaching/add-follow-up';
import { confirmCoachingSession } from '@attentive/core/coaching/confirm-session';
import { createCoachingSession } from '@attentive/core/coaching/create-session';
import { getCoachingSession } from '@attentive/core/coaching/get-session';
import { getSelfEvaluation } from '@attentive/core/coaching/get-self-evaluation';
import { listCoachingSessions } from '@attentive/core/coaching/list-sessions';
import { listSelfEvaluations } from '@attentive/core/coaching/list-self-evaluations';
import { requestSelfEvaluation } from '@attentive/core/coaching/request-self-evaluation';
import { saveSelfEvaluation } from '@attentive/core/coaching/save-self-evaluation';
import { cancelSelfEvaluationRequest } from '@attentive/core/coaching/cancel-self-evaluation';
import { setActionDone } from '@attentive/core/coaching/set-action-done';
import type { AppDeps } from '../context.ts';
import { ctxOf } from '../context.ts';
import { route, json, body } from '../openapi.ts';
import { ScorecardDefinition, ScoreResult } from '@attentive/shared/scorecard';
import { newRouter } from '../router.ts';
import { AnswerValue, Estimate, IdParam } from './coaching-schemas.ts';
import { queryId } from './params.ts';
import { CreateSessionInput } from '@attentive/core/coaching/create-session';
import { AddFollowUpInput } from '@attentive/core/coaching/add-follow-up';

const tags = ['Coaching'];
const Created = z.object({ id: z.number().int() });

const Session = z
  .object({
    session: z.object({
      id: z.number().int(),
      agentId: z.number().int(),
      agentName: z.string(),
      coachLabel: z.string(),
      heldOn: z.string(),
      notes: z.string(),
      followUpOn: z.string().nullable(),
      agentConfirmedAt: z.string().nullable(),
      closedAt: z.string().nullable()
    }),
    evaluations: z.array(z.object({ id: z.number().int(), submittedAt: z.string().nullable(), overallScore: z.number().nullable() })),
    focusItems: z.array(z.object({ itemId: z.string(), itemText: z.string(), text: z.string(), before: Estimate, after: Estimate })),
    laterEvaluations: z.array(z.object({ id: z.number().int(), submittedAt: z.string().nullable(), overallScore: z.number().nullable() })),
    actions: z.array(
      z.object({
        id: z.number().int(),
        text: z.string(),
        owner: z.enum(['agent', 'coach']),
        dueOn: z.string(),
        doneAt: z.string().nullable()
      })
    ),
    followUps: z.array(
      z.object({
        id: z.number().int(),
        progress: z.enum(['improved', 'unchanged', 'worse']),
        note: z.string(),
        authorLabel: z.string(),
        at: z.string()
      })
    ),
    viewerIsAgent: z.boolean(),
    canConfirm: z.boolean(),
    canFollowUp: z.boolean()
  })
  .openapi('CoachingSession');

const routes = {
  list: route({
    method: 'get',
    path: '/coaching/sessions',
    operationId: 'listCoachingSessions',
    tags,
    summary: 'Coaching sessions you may see, newest first',
    request: { query: z.object({ agentId: queryId(), open: z.enum(['true', 'false']).optional() }) },
    responses: {
      200: json(
        z.object({
          items: z.array(
            z.object({
              id: z.number().int(),
              agentId: z.number().int(),
              agentName: z.string(),
              coachLabel: z.string(),
              heldOn: z.string(),
              followUpOn: z.string().nullable(),
              followUpOverdue: z.boolean(),
              agentConfirmedAt: z.string().nullable(),
              closedAt: z.string().nullable(),
              openActions: z.number().int()
            })
          )
        }),
        'Sessions'
      )
    }
  }),
  create: route({
    method: 'post',
    path: '/coaching/sessions',
    operationId: 'createCoachingSession',
    tags,
    summary: 'Record a coaching session: linked evaluations, behaviours to work on, notes, actions, follow-up date',
    request: {
      ...body(CreateSessionInput)
    },
    responses: { 201: json(Created, 'Recorded') }
  }),
  get: route({
    method: 'get',
    path: '/coaching/sessions/{id}',
    operationId: 'getCoachingSession',
    tags,
    summary: "A session with the agent's scores on the focus items before and since (n, 95% interval)",
    request: { params: IdParam },
    responses: { 200: json(Session, 'Session') }
  }),
  confirm: route({
    method: 'post',
    path: '/coaching/sessions/{id}/confirm',
    operationId: 'confirmCoachingSession',
    tags,
    summary: 'The agent confirms the session',
    request: { params: IdParam },
    responses: { 200: json(z.object({ id: z.number().int(), agentConfirmedAt: z.string() }), 'Confirmed') }
  }),
  followUp: route({
    method: 'post',
    path: '/coaching/sessions/{id}/follow-ups',
    operationId: 'addCoachingFollowUp',
    tags,
    summary: 'Record progress at follow-up; tick off actions; close or set the next date',
    request: {
      params: IdParam,
      ...body(AddFollowUpInput.omit({ sessionId: true }))
    },
    responses: { 201: json(Created, 'Recorded') }
  }),
  action: route({
    method: 'patch',
    path: '/coaching/actions/{id}',
    operationId: 'updateCoachingAction',
    tags,
    summary: 'Tick an agreed action off (or back on)',
    request: { params: IdParam, ...body(z.object({ done: z.boolean() })) },
    responses: { 200: json(z.object({ id: z.number().int(), doneAt: z.string().nullable() }), 'Updated') }
  }),
  listSelf: route({
    method: 'get',
    path: '/coaching/self-evaluations',
    operationId: 'listSelfEvaluations',
    tags,
    summary: 'Self-evaluation requests you may see',
    request: { query: z.object({ status: z.enum(['open', 'submitted', 'cancelled']).optional(), agentId: queryId() }) },
    responses: {
      200: json(
        z.object({
          items: z.array(
            z.object({
              id: z.number().int(),
              callId: z.number().int(),
              agentId: z.number().int(),
              agentName: z.string(),
              status: z.string(),
              requestedByLabel: z.string(),
              requestedAt: z.string(),
              submittedAt: z.string().nullable()
            })
          )
        }),
        'Requests'
      )
    }
  }),
  requestSelf: route({
    method: 'post',
    path: '/coaching/self-evaluations',
    operationId: 'startSelfEvaluation',
    tags,
    summary: "Ask an agent to score one of its calls before seeing the lead's score",
    request: {
      ...body(
        z.object({
          callId: z.number().int().positive(),
          leadEvaluationId: z.number().int().positive().optional(),
          message: z.string().optional()
        })
      )
    },
    responses: { 201: json(z.object({ id: z.number().int(), selfEvaluationId: z.number().int() }), 'Requested') }
  }),
  getSelf: route({
    method: 'get',
    path: '/coaching/self-evaluations/{id}',
    operationId: 'getSelfEvaluation',
    tags,
    summary: "A self-evaluation with, once submitted, the lead's evaluation side by side and the gap per item",
    request: { params: IdParam },
    responses: {
      200: json(
        z
          .object({
            request: z.object({
              id: z.number().int(),
              callId: z.number().int(),
              agentId: z.number().int(),
              agentName: z.string(),
              status: z.string(),
              message: z.string().nullable(),
              requestedByLabel: z.string(),
              requestedAt: z.string(),
              submittedAt: z.string().nullable()
            }),
            scorecard: z.object({ versionId: z.number().int(), definition: ScorecardDefinition }),
            self: z
              .object({
                evaluationId: z.number().int(),
                status: z.string(),
                answers: z.record(z.string(), AnswerValue),
                overallScore: z.number().nullable(),
                score: ScoreResult
              })
              .nullable(),
            lead: z
              .object({
                evaluationId: z.number().int(),
                evaluatorLabel: z.string(),
                overallScore: z.number().nullable(),
                answers: z.record(z.string(), AnswerValue)
              })
              .nullable(),
            comparison: z
              .object({
                rows: z.array(
                  z.object({
                    itemId: z.string(),
                    text: z.string(),
                    sectionTitle: z.string(),
                    dimension: z.string(),
                    self: AnswerValue.nullable(),
                    lead: AnswerValue.nullable(),
                    selfPoints: z.number().nullable(),
                    leadPoints: z.number().nullable(),
                    gap: z.number().nullable()
                  })
                ),
                summary: z.object({
                  items: z.number().int(),
                  compared: z.number().int(),
                  sameAnswer: z.number().int(),
                  meanAbsGap: z.number().nullable(),
                  selfHigher: z.number().int(),
                  selfLower: z.number().int()
                })
              })
              .nullable(),
            leadHidden: z.boolean(),
            canFill: z.boolean(),
            viewerIsAgent: z.boolean()
          })
          .passthrough(),
        'Self-evaluation'
      )
    }
  }),
  cancelSelf: route({
    method: 'post',
    path: '/coaching/self-evaluations/{id}/cancel',
    operationId: 'cancelSelfEvaluation',
    tags,
    summary: 'A coach withdraws an open self-evaluation request (asking again reopens it)',
    request: {
      params: IdParam,
      body: { required: false, content: { 'application/json': { schema: z.object({ reason: z.string().optional() }) } } }
    },
    responses: { 200: json(z.object({ id: z.number().int(), status: z.literal('cancelled') }), 'Withdrawn') }
  }),
  saveSelf: route({
    method: 'put',
    path: '/coaching/self-evaluations/{id}',
    operationId: 'saveSelfEvaluation',
    tags,
    summary: 'The agent saves (or submits) its self-evaluation',
    request: {
      params: IdParam,
      ...body(z.object({ answers: z.record(z.string(), AnswerValue.nullable()), submit: z.boolean().optional() }))
    },
    responses: { 200: json(z.object({ status: z.enum(['open', 'submitted']), score: ScoreResult }), 'Saved') }
  })
};

export function coachingSessionRoutes(deps: AppDeps) {
  return newRouter()
    .openapi(routes.list, async (c) => {
      const q = c.req.valid('query');
      return c.json(
        await listCoachingSessions({ ctx: ctxOf(c, deps), input: { agentId: q.agentId, open: q.open === 'true' ? true : undefined } }),
        200
      );
    })
    .openapi(routes.create, async (c) => c.json(await createCoachingSession({ ctx: ctxOf(c, deps), input: c.req.valid('json') }), 201))
    .openapi(routes.get, async (c) =>
      c.json(await getCoachingSession({ ctx: ctxOf(c, deps), input: { sessionId: c.req.valid('param').id } }), 200)
    )
    .openapi(routes.confirm, async (c) =>
      c.json(await confirmCoachingSession({ ctx: ctxOf(c, deps), input: { sessionId: c.req.valid('param').id } }), 200)
    )
    .openapi(routes.followUp, async (c) =>
      c.json(await addFollowUp({ ctx: ctxOf(c, deps), input: { sessionId: c.req.valid('param').id, ...c.req.valid('json') } }), 201)
    )
    .openapi(routes.action, async (c) =>
      c.json(await setActionDone({ ctx: ctxOf(c, deps), input: { actionId: c.req.valid('param').id, ...c.req.valid('json') } }), 200)
    )
    .openapi(routes.listSelf, async (c) => c.json(await listSelfEvaluations({ ctx: ctxOf(c, deps), input: c.req.valid('query') }), 200))
    .openapi(routes.requestSelf, async (c) => c.json(await requestSelfEvaluation({ ctx: ctxOf(c, deps), input: c.req.valid('json') }), 201))
    .openapi(routes.getSelf, async (c) =>
      c.json(await getSelfEvaluation({ ctx: ctxOf(c, deps), input: { requestId: c.req.valid('param').id } }), 200)
    )
    .openapi(routes.cancelSelf, async (c) => {
      const body = (c.req.valid('json') as { reason?: string } | undefined) ?? {};
      return c.json(
        await cancelSelfEvaluationRequest({ ctx: ctxOf(c, deps), input: { requestId: c.req.valid('param').id, reason: body.reason } }),
        200
      );
    })
    .openapi(routes.saveSelf, async (c) =>
      c.json(await saveSelfEvaluation({ ctx: ctxOf(c, deps), input: { requestId: c.req.valid('param').id, ...c.req.valid('json') } }), 200)
    );
}
