import { z } from '@hono/zod-openapi';
import { CreateScorecardInput, createScorecard, getScorecard, listScorecards } from '@attentive/core';
import { ctxOf, type AppDeps } from '../../context.ts';
import { route, json, body, orNull } from '../../openapi.ts';
import { newRouter } from '../../router.ts';
import { IdParam } from '../params.ts';
import { tags, VersionSummary, Version, Scorecard, Comparison } from './schemas.ts';

const list = route({
  method: 'get',
  path: '/scorecards',
  operationId: 'listScorecards',
  tags,
  summary: 'Scorecards you may read, with their latest published version (and draft, for managers)',
  responses: {
    200: json(
      z.object({
        scorecards: z.array(
          Scorecard.extend({ published: VersionSummary.nullable(), draft: VersionSummary.nullable(), versionCount: z.number().int() })
        )
      }),
      'Scorecards'
    )
  }
});

const create = route({
  method: 'post',
  path: '/scorecards',
  operationId: 'createScorecard',
  tags,
  summary: 'Create a scorecard (for a program, or the shared default; for calls or mystery calls) with draft version 1',
  request: {
    ...body(CreateScorecardInput)
  },
  responses: { 201: json(z.object({ scorecard: Scorecard, draft: Version }), 'Created') }
});

const get = route({
  method: 'get',
  path: '/scorecards/{id}',
  operationId: 'getScorecard',
  tags,
  summary: 'A scorecard with its version history and current definitions',
  request: { params: IdParam },
  responses: {
    200: json(
      z.object({
        scorecard: Scorecard,
        versions: z.array(VersionSummary),
        published: orNull(Version),
        draft: orNull(Version),
        comparison: orNull(Comparison)
      }),
      'The scorecard'
    )
  }
});

/** Scorecards: list, create, read. */
export function scorecardListRoutes(deps: AppDeps) {
  return newRouter()
    .openapi(list, async (c) => c.json(await listScorecards({ ctx: ctxOf(c, deps) }), 200))
    .openapi(create, async (c) => c.json(await createScorecard({ ctx: ctxOf(c, deps), input: c.req.valid('json') }), 201))
    .openapi(get, async (c) => c.json(await getScorecard({ ctx: ctxOf(c, deps), input: { scorecardId: c.req.valid('param').id } }), 200));
}
