import { z } from '@hono/zod-openapi';
import { createCoachingSession } from '@attentive/core/coaching/create-session';
import { getCoachingSession } from '@attentive/core/coaching/get-session';
import { listCoachingSessions } from '@attentive/core/coaching/list-sessions';
import type { AppDeps } from '../../context.ts';
import { ctxOf } from '../../context.ts';
import { route, json, jsonList, body, getById } from '../../openapi.ts';
import { newRouter } from '../../router.ts';
import { Estimate } from '@attentive/shared/contract';

import { queryId } from '../params.ts';
import { CreateSessionInput } from '@attentive/core/coaching/create-session';
import { tags, Created } from './schemas.ts';

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
      200: jsonList(
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
  get: getById('/coaching/sessions/{id}', Session, 'Session', {
    operationId: 'getCoachingSession',
    tags,
    summary: "A session with the agent's scores on the focus items before and since (n, 95% interval)"
  })
};

/** Coaching sessions: list, hold (create) and read one. */
export function sessionRoutes(deps: AppDeps) {
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
    );
}
