import { z } from '@hono/zod-openapi';
import { addFollowUp } from '@attentive/core/coaching/add-follow-up';
import { setActionDone } from '@attentive/core/coaching/set-action-done';
import type { AppDeps } from '../../context.ts';
import { ctxOf } from '../../context.ts';
import { route, json, body } from '../../openapi.ts';
import { newRouter } from '../../router.ts';
import { IdParam } from '../params.ts';
import { AddFollowUpInput } from '@attentive/core/coaching/add-follow-up';
import { tags, Created } from './schemas.ts';

const routes = {
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
  })
};

/** After a session: follow-ups on its progress, and its actions marked done. */
export function followUpRoutes(deps: AppDeps) {
  return newRouter()
    .openapi(routes.followUp, async (c) =>
      c.json(await addFollowUp({ ctx: ctxOf(c, deps), input: { sessionId: c.req.valid('param').id, ...c.req.valid('json') } }), 201)
    )
    .openapi(routes.action, async (c) =>
      c.json(await setActionDone({ ctx: ctxOf(c, deps), input: { actionId: c.req.valid('param').id, ...c.req.valid('json') } }), 200)
    );
}
