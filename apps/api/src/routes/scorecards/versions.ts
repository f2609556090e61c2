import { z } from '@hono/zod-openapi';
import { getScorecardVersion } from '@attentive/core';
import { ctxOf, type AppDeps } from '../../context.ts';
import { route, json } from '../../openapi.ts';
import { newRouter } from '../../router.ts';
import { IdParam, pathId } from '../params.ts';
import { tags, Version, Scorecard } from './schemas.ts';

const VersionParam = IdParam.extend({
  version: pathId('version')
});

const getVersion = route({
  method: 'get',
  path: '/scorecards/{id}/versions/{version}',
  operationId: 'getScorecardVersion',
  tags,
  summary: 'One version of a scorecard with its full definition',
  request: { params: VersionParam },
  responses: { 200: json(z.object({ scorecard: Scorecard, version: Version }), 'The version') }
});

export function scorecardVersionRoute(deps: AppDeps) {
  return newRouter().openapi(getVersion, async (c) => {
    const { id, version } = c.req.valid('param');
    return c.json(await getScorecardVersion({ ctx: ctxOf(c, deps), input: { scorecardId: id, version } }), 200);
  });
}
