import { z } from '@hono/zod-openapi';
import { drawCallbackList } from '@attentive/core/surveys/lists/draw-callback-list';
import { getCallbackDraw } from '@attentive/core/surveys/lists/get-callback-draw';
import { getCallbackPlan } from '@attentive/core/surveys/lists/get-callback-plan';
import { listCallbackDraws } from '@attentive/core/surveys/lists/list-callback-draws';
import { saveCallbackPlan } from '@attentive/core/surveys/lists/save-callback-plan';
import { verifyCallbackDraw } from '@attentive/core/surveys/lists/verify-callback-draw';
import {
  CallbackDrawDetail,
  CallbackDrawOutcome,
  CallbackDrawVerification,
  CallbackListsOverview,
  CallbackPlan,
  CallbackPlanDetail,
  DateOnly,
  DrawCallbackListInput,
  SaveCallbackPlanInput
} from '@attentive/shared/surveys-lists';
import { ctxOf, type AppDeps } from '../../context.ts';
import { body, getById, json, readErrorsWith412, route } from '../../openapi.ts';
import { newRouter } from '../../router.ts';
import { IdParam, pathId, queryId } from '../params.ts';

const tags = ['Callback surveys'];
const ProgramParam = z.object({ programId: pathId('programId') });

/**
 * Callback surveys: callback plans and their daily verifiable draws (admins and QA analysts). The draw is
 * call sampling's (HMAC ranks, population hash) with purpose "callback"; every list can be recomputed.
 */
export function callbackListRoutes(deps: AppDeps) {
  return newRouter()
    .openapi(
      route({
        method: 'get',
        path: '/surveys/plans/{programId}',
        operationId: 'getCallbackPlan',
        tags,
        summary: "A program's callback plan (null: none yet) and the survey templates it may ask",
        request: { params: ProgramParam },
        responses: { 200: json(CallbackPlanDetail, 'Plan') }
      }),
      async (c) => c.json(await getCallbackPlan({ ctx: ctxOf(c, deps), input: c.req.valid('param') }), 200)
    )
    .openapi(
      route({
        method: 'put',
        path: '/surveys/plans/{programId}',
        operationId: 'saveCallbackPlan',
        tags,
        summary: "Create (version 0) or change a program's callback plan; `version` is the one you read (changed meanwhile: 409)",
        description:
          'Each day `dailyCount` calls are drawn from those that started between `delayMaxHours` and `delayMinHours` before the draw (at most 14 days), leaving out customers who opted out, have no contact details for the channel, or were drawn in the last `quietDays` days. Lists already drawn keep the rules they were drawn with.',
        request: { params: ProgramParam, ...body(SaveCallbackPlanInput) },
        responses: { 200: json(CallbackPlan, 'Saved') }
      }),
      async (c) => c.json(await saveCallbackPlan({ ctx: ctxOf(c, deps), input: { ...c.req.valid('param'), ...c.req.valid('json') } }), 200)
    )
    .openapi(
      route({
        method: 'get',
        path: '/surveys/draws',
        operationId: 'listCallbackDraws',
        tags,
        summary: "Callback lists per program: the plan and the days' draws with their items by status (default: the last 14 days)",
        request: { query: z.object({ programId: queryId(), from: DateOnly.optional(), to: DateOnly.optional() }) },
        responses: { 200: json(CallbackListsOverview, 'Lists') }
      }),
      async (c) => c.json(await listCallbackDraws({ ctx: ctxOf(c, deps), input: c.req.valid('query') }), 200)
    )
    .openapi(
      route({
        method: 'post',
        path: '/surveys/draws',
        operationId: 'drawCallbackList',
        tags,
        summary: "Draw a program's callback list for today (or a missed day of the last 14) now; a day is drawn once (409)",
        request: body(DrawCallbackListInput),
        responses: { 201: json(CallbackDrawOutcome, 'Drawn') }
      }),
      async (c) => c.json(await drawCallbackList({ ctx: ctxOf(c, deps), input: c.req.valid('json') }), 201)
    )
    .openapi(
      getById('/surveys/draws/{id}', CallbackDrawDetail, 'Draw', {
        operationId: 'getCallbackDraw',
        tags,
        summary: "One day's callback list: the draw and its items (call date, agent, status, attempts; never contact details)"
      }),
      async (c) => c.json(await getCallbackDraw({ ctx: ctxOf(c, deps), input: { drawId: c.req.valid('param').id } }), 200)
    )
    .openapi(
      route({
        method: 'get',
        path: '/surveys/draws/{id}/verify',
        operationId: 'verifyCallbackDraw',
        tags,
        summary:
          'Recompute a callback list from its stored snapshot and compare population hash and drawn calls; names the first difference',
        request: { params: IdParam },
        errors: readErrorsWith412,
        responses: { 200: json(CallbackDrawVerification, 'Verification') }
      }),
      async (c) => c.json(await verifyCallbackDraw({ ctx: ctxOf(c, deps), input: { drawId: c.req.valid('param').id } }), 200)
    );
}
