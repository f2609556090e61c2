import { z } from '@hono/zod-openapi';
import {
  RequestRescoreBody,
  RescoreClientScore,
  RescoreComparison,
  RescoreDetail,
  RescoreItemScreen,
  RescoreSummary,
  RescoreVerification,
  SaveRescoreScoreBody
} from '@attentive/shared/client-rescores';
import { getRescore } from '@attentive/core/client-audit/rescore/get-rescore';
import { getRescoreItem } from '@attentive/core/client-audit/rescore/get-rescore-item';
import { listRescores } from '@attentive/core/client-audit/rescore/list-rescores';
import { requestRescore } from '@attentive/core/client-audit/rescore/request-rescore';
import { rescoreComparison } from '@attentive/core/client-audit/rescore/rescore-comparison';
import { saveRescoreScore } from '@attentive/core/client-audit/rescore/save-rescore-score';
import { rescorePopulationCsv, verifyRescore } from '@attentive/core/client-audit/rescore/verify-rescore';
import { ctxOf, type AppDeps } from '../../context.ts';
import { body, json, jsonList, route } from '../../openapi.ts';
import { newRouter } from '../../router.ts';
import { IdParam, pathId } from '../params.ts';

/**
 * The client's blind re-score (issue 17, docs/client-audit.md "The blind re-score"): a client's auditor draws a
 * verifiable share of the contact center's evaluations of its programs and scores those calls without seeing the
 * contact center's scores (sealed in every read until the item is submitted); the comparison shows the difference.
 * Another client's re-score, item or program is a 404 for an auditor; the contact center's admins and QA analysts
 * read re-scores (never a draft score) but never score as the client (403).
 */
const tags = ['Client audit'];
const ItemParams = z.object({ id: pathId('id'), itemId: pathId('itemId') });
const itemPath = '/client/rescores/{id}/items/{itemId}';

const routes = {
  request: route({
    method: 'post',
    path: '/client/rescores',
    operationId: 'requestClientRescore',
    tags,
    summary: 'Ask for a blind re-score: draw a share of the submitted evaluations of your programs in a period',
    description:
      "The client's auditors only (others: 403). `programId` one of the client's programs (another's: 404), or none for all; `fromDay`…`toDay` local days, not after today, at most 366 days; `sharePercent` 0.5–50. The population (submitted counting evaluations with a call, submitted in the days) is ranked by HMAC-SHA256 under a fresh 32-byte seed; the ceil(share × N) lowest ranks are drawn (at least 1). An empty population: 409.",
    request: body(RequestRescoreBody),
    responses: { 201: json(RescoreDetail, 'The re-score with its drawn items') }
  }),
  list: route({
    method: 'get',
    path: '/client/rescores',
    operationId: 'listClientRescores',
    tags,
    summary: 'The re-scores you may read, newest first, with progress (scored of drawn)',
    description: "A client's auditor: its clients' re-scores; admins and QA analysts: every client's; others: an empty list.",
    responses: { 200: jsonList(RescoreSummary, 'Re-scores') }
  }),
  get: route({
    method: 'get',
    path: '/client/rescores/{id}',
    operationId: 'getClientRescore',
    tags,
    summary: 'One re-score: its draw (seed, population hash), progress and drawn items — never a score',
    request: { params: IdParam },
    responses: { 200: json(RescoreDetail, 'The re-score') }
  }),
  verify: route({
    method: 'get',
    path: '/client/rescores/{id}/verify',
    operationId: 'verifyClientRescore',
    tags,
    summary: 'Redo the population and the draw from the stored seed and report whether they match',
    request: { params: IdParam },
    responses: { 200: json(RescoreVerification, 'Each check with match or mismatch') }
  }),
  population: route({
    method: 'get',
    path: '/client/rescores/{id}/population.csv',
    operationId: 'exportClientRescorePopulation',
    tags,
    summary: 'The population as CSV (evaluation_id, rank, drawn), to redo the draw with any HMAC tool',
    description:
      'By evaluation id. rank = HMAC-SHA256(key = seed bytes, message = the id in decimal), hex: `printf %s ID | openssl dgst -sha256 -mac HMAC -macopt hexkey:SEED`. The population hash is the sha256 of the ids sorted ascending, joined by "\\n" (no newline at the end).',
    request: { params: IdParam },
    responses: { 200: { description: 'CSV', content: { 'text/csv': { schema: z.string() } } } }
  }),
  item: route({
    method: 'get',
    path: itemPath,
    operationId: 'getClientRescoreItem',
    tags,
    summary: 'One drawn call to score: the call, transcript, scorecard and your own score',
    description:
      "Never the contact center's score before the client's score of the item is submitted (`contactCenter` null); afterwards both. A draft is shown to its author only.",
    request: { params: ItemParams },
    responses: { 200: json(RescoreItemScreen, 'The item to score') }
  }),
  save: route({
    method: 'put',
    path: `${itemPath}/score`,
    operationId: 'saveClientRescoreScore',
    tags,
    summary: "Save the client's score of an item as a draft",
    description:
      "The client's auditors only (contact-center readers: 403). One client score per item: the auditor who saved first scores it; another gets 409 naming them. After submitting: 409. A bad answer is a 400 naming `answers.<item>`; a stale `version` 409.",
    request: { params: ItemParams, ...body(SaveRescoreScoreBody) },
    responses: { 200: json(RescoreClientScore, 'Your score as it now stands') }
  }),
  submit: route({
    method: 'post',
    path: `${itemPath}/submit`,
    operationId: 'submitClientRescoreScore',
    tags,
    summary: "Submit the client's score of an item (every required item answered): final; reveals the contact center's score",
    request: { params: ItemParams, ...body(SaveRescoreScoreBody) },
    responses: { 200: json(RescoreItemScreen, 'The item, now with both scores') }
  }),
  comparison: route({
    method: 'get',
    path: '/client/rescores/{id}/comparison',
    operationId: 'getClientRescoreComparison',
    tags,
    summary: 'Contact center − client per scorecard item and overall over the scored items, with n, 95% interval and a reading',
    request: { params: IdParam },
    responses: { 200: json(RescoreComparison, 'The paired comparison') }
  })
};

export function rescoreRoutes(deps: AppDeps) {
  return newRouter()
    .openapi(routes.request, async (c) => {
      const ctx = ctxOf(c, deps);
      const { rescoreId } = await requestRescore({ ctx, input: c.req.valid('json') });
      return c.json(await getRescore({ ctx, input: { rescoreId } }), 201);
    })
    .openapi(routes.list, async (c) => c.json({ items: await listRescores({ ctx: ctxOf(c, deps) }) }, 200))
    .openapi(routes.get, async (c) => c.json(await getRescore({ ctx: ctxOf(c, deps), input: { rescoreId: c.req.valid('param').id } }), 200))
    .openapi(routes.verify, async (c) =>
      c.json(await verifyRescore({ ctx: ctxOf(c, deps), input: { rescoreId: c.req.valid('param').id } }), 200)
    )
    .openapi(routes.population, async (c) => {
      const file = await rescorePopulationCsv({ ctx: ctxOf(c, deps), input: { rescoreId: c.req.valid('param').id } });
      c.header('Content-Type', 'text/csv; charset=utf-8');
      c.header('Content-Disposition', `attachment; filename="${file.filename}"`);
      return c.body(file.csv, 200);
    })
    .openapi(routes.item, async (c) => {
      const { id, itemId } = c.req.valid('param');
      return c.json(await getRescoreItem({ ctx: ctxOf(c, deps), input: { rescoreId: id, itemId } }), 200);
    })
    .openapi(routes.save, async (c) => {
      const { id, itemId } = c.req.valid('param');
      const ctx = ctxOf(c, deps);
      await saveRescoreScore({ ctx, input: { ...c.req.valid('json'), rescoreId: id, itemId, submit: false } });
      const screen = await getRescoreItem({ ctx, input: { rescoreId: id, itemId } });
      return c.json(screen.client!, 200);
    })
    .openapi(routes.submit, async (c) => {
      const { id, itemId } = c.req.valid('param');
      const ctx = ctxOf(c, deps);
      await saveRescoreScore({ ctx, input: { ...c.req.valid('json'), rescoreId: id, itemId, submit: true } });
      return c.json(await getRescoreItem({ ctx, input: { rescoreId: id, itemId } }), 200);
    })
    .openapi(routes.comparison, async (c) =>
      c.json(await rescoreComparison({ ctx: ctxOf(c, deps), input: { rescoreId: c.req.valid('param').id } }), 200)
    );
}
