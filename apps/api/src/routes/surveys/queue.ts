import { z } from '@hono/zod-openapi';
import {
  AnswersSubmitted,
  AttemptRecorded,
  ClaimInput,
  Claimed,
  QueueItemDetail,
  QueueOverview,
  RecordAttemptInput,
  SubmitAnswersInput
} from '@attentive/shared/survey-queue';
import { claimSurveyItem } from '@attentive/core/surveys/queue/claim-item';
import { getQueueItem } from '@attentive/core/surveys/queue/get-queue-item';
import { listSurveyQueue } from '@attentive/core/surveys/queue/list-queue';
import { recordQueueAttempt } from '@attentive/core/surveys/queue/record-queue-attempt';
import { releaseSurveyItem } from '@attentive/core/surveys/queue/release-item';
import { submitQueueResponse } from '@attentive/core/surveys/queue/submit-queue-response';
import type { AppDeps } from '../../context.ts';
import { ctxOf } from '../../context.ts';
import { body, json, route } from '../../openapi.ts';
import { newRouter } from '../../router.ts';
import { pathId } from '../params.ts';

const tags = ['Callback surveys'];
const ItemParam = z.object({ itemId: pathId('itemId') });

const routes = {
  queue: route({
    method: 'get',
    path: '/surveys/queue',
    operationId: 'getSurveyQueue',
    tags,
    summary: "A survey caller's queue: its claimed items, then the due ones (oldest draw first, rank order), and today's counts",
    description: 'No contact details and no scores. Opted-out customers and erased details never appear. Survey callers only.',
    responses: { 200: json(QueueOverview, 'The queue') }
  }),
  claim: route({
    method: 'post',
    path: '/surveys/queue/claim',
    operationId: 'claimSurveyQueueItem',
    tags,
    summary: 'Claims the next due item (or the given `itemId`); a caller holding an open item gets that one back',
    description:
      'Atomic: of two callers claiming at once one wins; for a given item the other gets 409, for "next" the next item. ' +
      'A claim older than 30 minutes may be taken over. `itemId: null` when nothing is due. Audited.',
    request: body(ClaimInput),
    responses: { 200: json(Claimed, 'The claimed item') }
  }),
  get: route({
    method: 'get',
    path: '/surveys/queue/{itemId}',
    operationId: 'getSurveyQueueItem',
    tags,
    summary: "The script of an item the caller holds: the call's facts, the customer's phone number and language, the questions",
    description:
      "Only for the caller holding the item (another caller's item is 404). Never evaluation scores. 412 when the server has no CONTACT_DATA_KEY.",
    request: { params: ItemParam },
    responses: { 200: json(QueueItemDetail, 'The item') }
  }),
  release: route({
    method: 'post',
    path: '/surveys/queue/{itemId}/release',
    operationId: 'releaseSurveyQueueItem',
    tags,
    summary: 'Gives a held item back to the queue untried; audited',
    request: { params: ItemParam },
    responses: { 200: json(z.object({ itemId: z.number().int() }), 'Released') }
  }),
  attempt: route({
    method: 'post',
    path: '/surveys/queue/{itemId}/attempts',
    operationId: 'recordSurveyAttempt',
    tags,
    summary: 'Records a try: no_answer / voicemail (retried after the plan spacing until max attempts), wrong_number, declined (+ optOut)',
    description:
      'The item leaves the caller: it waits for its next try or is closed. A completed survey is recorded by submitting the answers.',
    request: { params: ItemParam, ...body(RecordAttemptInput) },
    responses: { 201: json(AttemptRecorded, 'Recorded') }
  }),
  respond: route({
    method: 'post',
    path: '/surveys/queue/{itemId}/response',
    operationId: 'submitSurveyQueueResponse',
    tags,
    summary: "The customer's answers, taken by phone: stored once, the item completed, a low answer alerts the team lead",
    description: 'A bad answer is 400 naming `answers.<question id>`; nothing is stored.',
    request: { params: ItemParam, ...body(SubmitAnswersInput) },
    responses: { 201: json(AnswersSubmitted, 'Stored') }
  })
};

/** Callback surveys: the survey caller's queue: claim, attempts, answers (docs/callback-surveys-queue.md). */
export function callerQueueRoutes(deps: AppDeps) {
  return newRouter()
    .openapi(routes.queue, async (c) => c.json(await listSurveyQueue({ ctx: ctxOf(c, deps) }), 200))
    .openapi(routes.claim, async (c) => c.json(await claimSurveyItem({ ctx: ctxOf(c, deps), input: c.req.valid('json') }), 200))
    .openapi(routes.get, async (c) =>
      c.json(await getQueueItem({ ctx: ctxOf(c, deps), input: { itemId: c.req.valid('param').itemId } }), 200)
    )
    .openapi(routes.release, async (c) =>
      c.json(await releaseSurveyItem({ ctx: ctxOf(c, deps), input: { itemId: c.req.valid('param').itemId } }), 200)
    )
    .openapi(routes.attempt, async (c) =>
      c.json(await recordQueueAttempt({ ctx: ctxOf(c, deps), input: { ...c.req.valid('json'), itemId: c.req.valid('param').itemId } }), 201)
    )
    .openapi(routes.respond, async (c) =>
      c.json(
        await submitQueueResponse({ ctx: ctxOf(c, deps), input: { ...c.req.valid('json'), itemId: c.req.valid('param').itemId } }),
        201
      )
    );
}
