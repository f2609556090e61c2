import { z } from '@hono/zod-openapi';
import {
  PublishScorecardDraftInput,
  SaveScorecardDraftInput,
  discardScorecardDraft,
  openScorecardDraft,
  publishScorecardDraft,
  saveScorecardDraft
} from '@attentive/core';
import { ctxOf, type AppDeps } from '../../context.ts';
import { route, json, body } from '../../openapi.ts';
import { newRouter } from '../../router.ts';
import { IdParam } from '../params.ts';
import { tags, Version } from './schemas.ts';

const openDraft = route({
  method: 'post',
  path: '/scorecards/{id}/draft',
  operationId: 'openScorecardDraft',
  tags,
  summary: 'Open the draft: returns it, or creates the next version as a copy of the latest published one',
  request: { params: IdParam },
  responses: { 200: json(z.object({ created: z.boolean(), draft: Version }), 'The draft') }
});

const saveDraft = route({
  method: 'put',
  path: '/scorecards/{id}/draft',
  operationId: 'saveScorecardDraft',
  tags,
  summary: 'Save the draft definition (creates the next version when the latest is published)',
  request: {
    params: IdParam,
    ...body(SaveScorecardDraftInput.omit({ scorecardId: true }))
  },
  responses: { 200: json(z.object({ created: z.boolean(), draft: Version }), 'The saved draft') }
});

const discardDraft = route({
  method: 'delete',
  path: '/scorecards/{id}/draft',
  operationId: 'discardScorecardDraft',
  tags,
  summary: 'Discard the draft (not version 1)',
  request: { params: IdParam },
  responses: { 200: json(z.object({ discarded: z.number().int() }), 'Discarded') }
});

const publish = route({
  method: 'post',
  path: '/scorecards/{id}/publish',
  operationId: 'publishScorecardDraft',
  tags,
  summary: 'Publish the draft: it is frozen from now on and scores new evaluations',
  request: { params: IdParam, ...body(PublishScorecardDraftInput.omit({ scorecardId: true })) },
  responses: { 200: json(z.object({ version: Version }), 'The published version') }
});

/** The draft of a scorecard: open, save, discard, publish as the next version. */
export function scorecardDraftRoutes(deps: AppDeps) {
  return newRouter()
    .openapi(openDraft, async (c) =>
      c.json(await openScorecardDraft({ ctx: ctxOf(c, deps), input: { scorecardId: c.req.valid('param').id } }), 200)
    )
    .openapi(saveDraft, async (c) =>
      c.json(
        await saveScorecardDraft({ ctx: ctxOf(c, deps), input: { scorecardId: c.req.valid('param').id, ...c.req.valid('json') } }),
        200
      )
    )
    .openapi(discardDraft, async (c) =>
      c.json(await discardScorecardDraft({ ctx: ctxOf(c, deps), input: { scorecardId: c.req.valid('param').id } }), 200)
    )
    .openapi(publish, async (c) =>
      c.json(
        await publishScorecardDraft({ ctx: ctxOf(c, deps), input: { scorecardId: c.req.valid('param').id, ...c.req.valid('json') } }),
        200
      )
    );
}
