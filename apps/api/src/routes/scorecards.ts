import { z } from '@hono/zod-openapi';
import { ScorecardDefinition, Answer, Answers, ScoreResult } from '@attentive/shared/scorecard';
import {
  CreateScorecardInput,
  DefinitionInput,
  PublishScorecardDraftInput,
  SaveScorecardDraftInput,
  computeScore,
  createScorecard,
  discardScorecardDraft,
  getScorecard,
  getScorecardVersion,
  listScorecards,
  openScorecardDraft,
  publishScorecardDraft,
  saveScorecardDraft,
  validateAnswers
} from '@attentive/core';
import { ctxOf, principalOf, type AppDeps } from '../context.ts';
import { route, json, body, orNull } from '../openapi.ts';
import { newRouter } from '../router.ts';
import { IdParam, pathId } from './params.ts';

const tags = ['Scorecards'];

const VersionParam = IdParam.extend({
  version: pathId('version')
});

const Definition = ScorecardDefinition;
const VersionSummary = z
  .object({
    id: z.number().int(),
    scorecardId: z.number().int(),
    version: z.number().int(),
    status: z.enum(['draft', 'published']),
    note: z.string(),
    revision: z.number().int(),
    createdAt: z.string(),
    createdBy: z.string(),
    updatedAt: z.string(),
    publishedAt: z.string().nullable(),
    publishedBy: z.string().nullable(),
    itemCount: z.number().int()
  })
  .openapi('ScorecardVersionSummary');
const Version = VersionSummary.extend({ definition: Definition }).openapi('ScorecardVersion');
const Scorecard = z
  .object({
    id: z.number().int(),
    name: z.string(),
    description: z.string(),
    programId: z.number().int().nullable(),
    programName: z.string().nullable(),
    isDefault: z.boolean(),
    createdAt: z.string(),
    createdBy: z.string()
  })
  .openapi('Scorecard');

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
  summary: 'Create a scorecard (for a program, or the shared default) with draft version 1',
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
      z.object({ scorecard: Scorecard, versions: z.array(VersionSummary), published: orNull(Version), draft: orNull(Version) }),
      'The scorecard'
    )
  }
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

const preview = route({
  method: 'post',
  path: '/scorecards/score-preview',
  operationId: 'previewScore',
  tags,
  summary: 'Score answers on a definition with THE scoring formula, storing nothing (builder preview, live score)',
  request: {
    ...body(
      z.object({
        definition: DefinitionInput,
        answers: z.union([z.array(Answer), Answers]),
        requireComplete: z.boolean().optional()
      })
    )
  },
  responses: { 200: json(z.object({ result: ScoreResult }), 'The score') }
});

export function scorecardRoutes(deps: AppDeps) {
  return newRouter()
    .openapi(list, async (c) => c.json(await listScorecards({ ctx: ctxOf(c, deps) }), 200))
    .openapi(create, async (c) => c.json(await createScorecard({ ctx: ctxOf(c, deps), input: c.req.valid('json') }), 201))
    .openapi(preview, async (c) => {
      principalOf(c);
      const input = c.req.valid('json');
      const definition = input.definition;
      validateAnswers(definition, input.answers, { requireComplete: input.requireComplete ?? false });
      return c.json({ result: computeScore(definition, input.answers) }, 200);
    })
    .openapi(get, async (c) => c.json(await getScorecard({ ctx: ctxOf(c, deps), input: { scorecardId: c.req.valid('param').id } }), 200))
    .openapi(getVersion, async (c) => {
      const { id, version } = c.req.valid('param');
      return c.json(await getScorecardVersion({ ctx: ctxOf(c, deps), input: { scorecardId: id, version } }), 200);
    })
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
